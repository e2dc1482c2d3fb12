package dev.stepwise.command;

import dev.stepwise.dialect.MigrationLinter;
import dev.stepwise.lint.DeferredFacts;
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

import java.sql.Connection;
import java.time.Duration;
import java.sql.SQLException;

/**
 * The lint {@code upgrade} runs on each migration just before applying it: statically, against
 * the live catalog and sizes of the target (which by then holds what the earlier migrations of
 * the run did) and what the migration's own earlier statements do, in at most one catalog query
 * (made only when a rule asks about a table, a function or an enum) and no replay. A migration with errors is refused unless each is allowed or {@code --unsafe} is given.
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
     * The live catalog on the run's own connection, with sizes unless one waits on a lock, read
     * when a rule first asks: most migrations of a healthy history need none of it.
     */
    private SchemaFacts facts(MigrationRun run, SqlMigration sql) {
        Connection work = run.session().work();
        try {
            return new DeferredFacts(SchemaFacts.Source.TARGET, work.getMetaData().getDatabaseMajorVersion(), () -> {
                try {
                    return SizedCatalog.read(workspace, linter, work, sql,
                            notice -> workspace.listener().notice("  lint: " + notice));
                } catch (SQLException e) {
                    throw new DatabaseException("reading the catalog to lint revision " + sql.revision(), e);
                }
            });
        } catch (SQLException e) {
            throw new DatabaseException("reading the server version to lint revision " + sql.revision(), e);
        }
    }

    /**
     * What lint finds in the migration's {@code +up} against the run's database as it is now,
     * with the configured severities; refuses nothing ({@code stepwise test} reports it alongside).
     */
    LintedMigration lint(MigrationRun run, SqlMigration sql) {
        LinterReport report = linter.lint(sql, workspace.config().checklist().judging(facts(run, sql)));
        // an allow that only the down needed looks unused here; that is for lint to say
        return policy.apply(sql.revision(), sql.origin(), report.upOnly(), sql.migrationDirectives())
                .without(LintPolicy.UNUSED_ALLOW);
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
        long started = System.nanoTime();
        LintedMigration linted = lint(run, sql);
        workspace.listener().migrationLinted(sql.revision(), Duration.ofNanos(System.nanoTime() - started));
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
