package dev.stepwise.command;

import dev.stepwise.dialect.ErrorKind;
import dev.stepwise.dialect.MigrationLinter;
import dev.stepwise.lint.SchemaFacts;
import dev.stepwise.lint.Finding;
import dev.stepwise.lint.LintPolicy;
import dev.stepwise.lint.LinterReport;
import dev.stepwise.lint.LintedMigration;
import dev.stepwise.lint.Severity;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.run.MigrationRun;
import dev.stepwise.source.Migration;
import dev.stepwise.source.SqlMigration;

import java.sql.SQLException;

/**
 * The lint {@code upgrade} runs on each migration just before applying it: statically, against
 * the live catalog and sizes of the target (which by then holds what the earlier migrations of
 * the run did) and what the migration's own earlier statements do, in one catalog query and no
 * replay. A migration with errors is refused unless each is allowed or {@code --unsafe} is given.
 */
final class PreRunLint {

    private final Workspace workspace;
    private final MigrationLinter linter;
    private final LintPolicy policy;
    private final boolean unsafe;

    PreRunLint(Workspace workspace, boolean unsafe) {
        this.workspace = workspace;
        this.linter = workspace.dialect().linter();
        this.policy = LintPolicy.configured(workspace.config().lintSeverities(), new LintCommand(workspace).rules());
        this.unsafe = unsafe;
    }

    /**
     * The live catalog with sizes; when reading a size waits on someone's lock (the session's
     * lock_timeout), the catalog without sizes, so the tables count as of unknown size.
     */
    private SchemaFacts facts(MigrationRun run, SqlMigration sql) {
        try {
            return linter.catalogFacts(run.session().work(), sql, true);
        } catch (SQLException e) {
            if (workspace.dialect().errorKind(e) != ErrorKind.LOCK_TIMEOUT) {
                throw new DatabaseException("reading the catalog to lint revision " + sql.revision(), e);
            }
        }
        workspace.listener().notice("  lint: a table's size could not be read (another session holds a lock on it);"
                + " judging revision " + sql.revision() + " without sizes");
        try {
            return linter.catalogFacts(run.session().work(), sql, false);
        } catch (SQLException e) {
            throw new DatabaseException("reading the catalog to lint revision " + sql.revision(), e);
        }
    }

    /**
     * Lints the migration; returns whether it runs despite errors ({@code --unsafe}).
     *
     * @throws LintRefusedException when it has errors and {@code --unsafe} was not given
     */
    boolean check(MigrationRun run, Migration migration) {
        if (!(migration instanceof SqlMigration sql)) {
            return false;
        }
        LinterReport report = linter.lint(sql, workspace.config().checklist().judging(facts(run, sql)));
        // upgrade runs the +up only: the down's findings are for lint (and downgrade) to raise
        LinterReport up = new LinterReport(report.findings().stream().filter(f -> !report.inDown(f)).toList(),
                report.statementAllows().stream().filter(a -> a.anchor() == null
                        || a.anchor().line() < report.downLine()).toList(), report.down(), report.downLine());
        LintedMigration all = policy.apply(sql.revision(), sql.origin(), up, sql.migrationDirectives());
        // an allow that only the down needed looks unused here; that is for lint to say
        LintedMigration linted = new LintedMigration(all.revision(), all.file(), all.down(), all.findings().stream()
                .filter(f -> !f.rule().equals(LintPolicy.UNUSED_ALLOW)).toList(), all.allowed());
        for (Finding f : linted.findings()) {
            if (f.severity() == Severity.WARNING) {
                workspace.listener().notice("  lint warning: " + LintRefusedException.line(f));
            }
        }
        if (!linted.hasErrors()) {
            return false;
        }
        if (!unsafe) {
            LintRefusedException refusal = new LintRefusedException(linted);
            run.refuse(sql, refusal.getMessage());
            throw refusal;
        }
        for (Finding f : linted.errors()) {
            workspace.listener().notice("  lint error, applied anyway (--unsafe): " + LintRefusedException.line(f));
        }
        return true;
    }
}
