package dev.stepwise.command;

import dev.stepwise.dialect.MigrationLinter;
import dev.stepwise.lint.Finding;
import dev.stepwise.lint.LintPolicy;
import dev.stepwise.lint.LintedMigration;
import dev.stepwise.lint.Severity;
import dev.stepwise.lint.TablesNamed;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.source.Migration;
import dev.stepwise.source.SqlMigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code upgrade}'s lint would say of each pending migration, for {@code status}: judged as
 * upgrade judges it (the live catalog and sizes), unless it touches a table an earlier pending
 * migration touches, in which case the verdict is only known once that one is applied.
 */
final class PendingVerdicts {

    private PendingVerdicts() {
    }

    /** By revision, as {@code upgrade} would judge it (the {@code +up} only): {@code ok}, {@code 2 warnings}, {@code refused: rule, rule} or {@code known once X is applied}. */
    static Map<String, String> of(Workspace workspace, List<Migration> pending) {
        Map<String, String> verdicts = new HashMap<>();
        if (pending.isEmpty()) {
            return verdicts;
        }
        MigrationLinter linter = workspace.dialect().linter();
        LintPolicy policy = LintPolicy.configured(workspace.config().lintSeverities(), new LintCommand(workspace).rules());
        List<Migration> earlier = new ArrayList<>();
        Map<String, TablesNamed> named = new HashMap<>();
        try (Connection c = workspace.openCatalogConnection()) {
            for (Migration m : pending) {
                if (!(m instanceof SqlMigration sql)) {
                    verdicts.put(m.revision(), "java: not linted");
                    earlier.add(m);
                    continue;
                }
                TablesNamed tables = linter.tablesNamed(sql);
                named.put(m.revision(), tables);
                String dependsOn = null;
                for (int i = earlier.size() - 1; i >= 0 && dependsOn == null; i--) {
                    TablesNamed before = named.get(earlier.get(i).revision());
                    // a Java migration may do anything
                    if (before == null || tables.dependsOn(before)) {
                        dependsOn = earlier.get(i).revision();
                    }
                }
                earlier.add(m);
                if (dependsOn != null) {
                    verdicts.put(m.revision(), "known once " + dependsOn + " is applied");
                    continue;
                }
                LintedMigration linted = policy.apply(sql.revision(), sql.origin(),
                        linter.lint(sql, workspace.config().checklist().judging(SizedCatalog.read(workspace, linter,
                                c, sql, workspace.listener()::notice))).upOnly(), sql.migrationDirectives())
                        .without(LintPolicy.UNUSED_ALLOW);
                verdicts.put(m.revision(), verdict(linted));
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading the catalog to judge the pending migrations", e);
        }
        return verdicts;
    }

    static String verdict(LintedMigration linted) {
        if (linted.hasErrors()) {
            return "refused: " + String.join(", ", linted.errors().stream().map(Finding::rule).distinct().toList());
        }
        long warnings = linted.count(Severity.WARNING);
        return warnings == 0 ? "ok" : warnings + (warnings == 1 ? " warning" : " warnings");
    }
}
