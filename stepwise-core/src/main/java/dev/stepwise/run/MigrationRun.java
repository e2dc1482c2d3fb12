package dev.stepwise.run;

import dev.stepwise.dialect.ServerInfo;
import dev.stepwise.history.HistoryLedger;
import dev.stepwise.history.Outcome;
import dev.stepwise.history.VersionTables;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;
import dev.stepwise.sql.StatementClassifier;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Clock;
import java.util.Set;

/**
 * A run that changes the database, from taking the run lock to letting it go: creates the
 * version tables when missing, marks what a killed run left running as interrupted, and applies
 * migrations one by one, keeping track of the heads.
 */
public final class MigrationRun implements AutoCloseable {

    private final RunSession session;
    private final VersionTables tables;
    private final ServerInfo server;
    private final MigrationExecutor executor;
    private final Clock clock;
    private Set<String> heads;
    private Long nextAttemptRow;
    private String nextAttemptRevision;
    private HistoryLedger ledger;

    private MigrationRun(RunSession session, VersionTables tables, ServerInfo server, MigrationExecutor executor,
                         Clock clock) {
        this.clock = clock;
        this.session = session;
        this.tables = tables;
        this.server = server;
        this.executor = executor;
    }

    public static MigrationRun start(RunEnvironment env, Duration lockWait) {
        RunSession session = RunSession.open(env, lockWait);
        try {
            VersionTables tables = new VersionTables(env.dialect().versionTableSql(env.tables()));
            tables.ensureCreated(session.work());
            int interrupted = tables.markInterrupted(session.work(), session.runId());
            if (interrupted > 0) {
                env.listener().notice("recorded " + interrupted + " step(s) of a killed run as interrupted");
            }
            ServerInfo server = env.dialect().serverInfo(session.work());
            StatementClassifier classifier = env.dialect().classifier(server.majorVersion());
            MigrationExecutor executor = new MigrationExecutor(env, session, tables, classifier,
                    RunSession.appliedBy(session.work()), server.majorVersion());
            MigrationRun run = new MigrationRun(session, tables, server, executor, env.clock());
            try {
                run.refresh();
            } catch (SQLException | RuntimeException e) {
                executor.close();
                throw e;
            }
            return run;
        } catch (SQLException e) {
            session.close();
            throw new DatabaseException("preparing the version tables", e);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** Reads the heads and the history; the tables exist (made by {@code start}). */
    private void refresh() throws SQLException {
        heads = tables.selectHeads(session.work());
        ledger = new HistoryLedger(tables.selectRows(session.work()));
    }

    public Set<String> heads() {
        return heads;
    }

    public HistoryLedger ledger() {
        return ledger;
    }

    public ServerInfo server() {
        return server;
    }

    public RunSession session() {
        return session;
    }

    public VersionTables tables() {
        return tables;
    }

    /**
     * One migration for {@link #apply} to run.
     *
     * @param after     the heads once it is done
     * @param following the migration this run applies next, or null; its attempt row is written
     *                  in this migration's commit, so a run killed inside the next migration's
     *                  transaction still leaves a row that the next run marks interrupted
     * @param resume    the earlier attempt it goes on from (a multi-step migration stopped
     *                  part-way), or null to run it from its first step
     * @param forced    whether the user forced it past the contract gate: recorded as
     *                  {@code unsafe-forced}
     */
    public record Application(Migration migration, Direction direction, Set<String> after, Migration following,
                              HistoryLedger.PartialAttempt resume, boolean forced) {

        public static Application of(Migration migration, Direction direction, Set<String> after,
                                     Migration following) {
            return new Application(migration, direction, after, following, null, false);
        }
    }

    /** Applies one migration in one direction and moves the heads to its {@code after}. */
    public void apply(Application a) {
        Migration migration = a.migration();
        long row;
        if (nextAttemptRow != null && migration.revision().equals(nextAttemptRevision)) {
            row = nextAttemptRow;
        } else {
            try {
                row = tables.record(session.work(), executor.runningEntry(migration, a.direction()));
            } catch (SQLException e) {
                throw new DatabaseException("recording the start of revision " + migration.revision(), e);
            }
        }
        Attempt attempt = new Attempt(row, migration, a.direction(), heads, a.after(), clock.instant(),
                a.following() == null ? null : executor.runningEntry(a.following(), a.direction()),
                a.forced() ? Outcome.UNSAFE_FORCED : Outcome.SUCCESS);
        nextAttemptRow = null;
        nextAttemptRow = executor.run(attempt, a.resume());
        nextAttemptRevision = a.following() == null ? null : a.following().revision();
        heads = Set.copyOf(a.after());
    }

    /**
     * Records that a migration was refused before it ran (lint errors) as a failed attempt with
     * the reason: the attempt row the previous migration's commit wrote for it, or a new one when
     * it is the run's first, so the history shows every refusal and no attempt is left running.
     */
    public void refuse(Migration migration, String reason) {
        try {
            Connection c = session.work();
            if (!c.getAutoCommit()) {
                // nothing of the migration has run: only the lint's catalog read is open
                c.rollback();
                c.setAutoCommit(true);
            }
            long row = nextAttemptRow != null && migration.revision().equals(nextAttemptRevision) ? nextAttemptRow
                    : tables.record(c, executor.runningEntry(migration, Direction.UP));
            tables.finish(c, row, dev.stepwise.history.Outcome.FAILED, clock.instant(), reason);
        } catch (SQLException e) {
            throw new DatabaseException("recording that revision " + migration.revision() + " was refused", e);
        }
        nextAttemptRow = null;
        nextAttemptRevision = null;
    }

    @Override
    public void close() {
        executor.close();
        session.close();
    }
}
