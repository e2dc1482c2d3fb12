package dev.stepwise.run;

import dev.stepwise.StepwiseException;
import dev.stepwise.history.Action;
import dev.stepwise.history.HistoryEntry;
import dev.stepwise.history.MigrationFinisher;
import dev.stepwise.history.Outcome;
import dev.stepwise.history.VersionTables;
import dev.stepwise.source.Direction;
import dev.stepwise.source.JavaCodedMigration;
import dev.stepwise.source.Migration;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.source.TransactionMode;
import dev.stepwise.sql.Plan;
import dev.stepwise.sql.SqlStatement;
import dev.stepwise.sql.StatementClassifier;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Runs one migration in one direction on the work connection and moves the version table with it.
 *
 * <p>A single-transaction migration commits once: its statements, the version-table
 * compare-and-set and its history row, so a failure leaves neither its changes nor a version
 * change behind. A multi-step migration commits step by step, recording each step as it
 * completes, and moves the version table in a last short transaction.
 */
final class MigrationExecutor {

    /** Up to this much SQL text, a one-transaction plan is read once and run from memory. */
    static final long SMALL_PLAN_CHARS = 256 * 1024;

    private final RunEnvironment env;
    private final RunSession session;
    private final VersionTables tables;
    private final StatementClassifier classifier;
    private final String appliedBy;
    private final MigrationFinisher finisher;

    MigrationExecutor(RunEnvironment env, RunSession session, VersionTables tables, StatementClassifier classifier,
                      String appliedBy) {
        this.env = env;
        this.session = session;
        this.tables = tables;
        this.classifier = classifier;
        this.appliedBy = appliedBy;
        this.finisher = new MigrationFinisher(tables.sql());
    }

    /** Runs the attempt; returns the id of the next migration's running row, if one was written. */
    Long run(Attempt attempt) {
        Long next = attempt.migration() instanceof JavaCodedMigration java
                ? runJava(java, attempt)
                : runSql((SqlMigration) attempt.migration(), attempt);
        env.listener().migrationCompleted(attempt.revision(), attempt.direction(),
                Duration.between(attempt.started(), env.clock().instant()));
        return next;
    }

    private Long runSql(SqlMigration migration, Attempt attempt) {
        Plan plan = migration.plan(attempt.direction(), classifier);
        // Most migrations are small and run in one transaction: read once, run from memory.
        List<SqlStatement> small = readIfSmallAndTransactional(plan);
        if (small != null) {
            return runInOneTransaction(migration, small, attempt);
        }
        StepLayout layout = StepLayout.of(plan);
        if (layout.isSingleTransaction()) {
            return runInOneTransaction(migration, plan, attempt);
        }
        return new StepSequence(this, migration, attempt, plan, layout).run();
    }

    /**
     * The plan's statements when they all run in one transaction and their text stays under
     * {@link #SMALL_PLAN_CHARS}; otherwise null, having read no further than needed to know. A
     * large plan is never held in memory: it is read again, as a view over its file.
     */
    private static List<SqlStatement> readIfSmallAndTransactional(Plan plan) {
        List<SqlStatement> statements = new ArrayList<>();
        long chars = 0;
        Iterator<SqlStatement> it = plan.iterator();
        try {
            while (it.hasNext()) {
                SqlStatement s = it.next();
                chars += s.sql().length();
                if (!s.runsInTransaction() || chars > SMALL_PLAN_CHARS) {
                    return null;
                }
                statements.add(s);
            }
            return statements;
        } finally {
            if (it instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // only a file handle of a plan read no further
                }
            }
        }
    }

    private Long runInOneTransaction(SqlMigration migration, Iterable<SqlStatement> plan, Attempt attempt) {
        Connection c = session.work();
        SqlStatement current = null;
        try {
            c.setAutoCommit(false);
            for (SqlStatement statement : plan) {
                current = statement;
                execute(c, statement);
            }
            current = null;
            Long next = finishMigration(c, attempt, 1);
            c.setAutoCommit(true);
            return next;
        } catch (SQLException e) {
            rollback(c, e);
            failAttempt(attempt, e);
            throw current == null
                    ? new DatabaseException("recording revision " + migration.revision(), e)
                    : failure(migration, current, e, "nothing of it was kept: the transaction was rolled back");
        } catch (RuntimeException e) {
            rollback(c, e);
            failAttempt(attempt, e);
            throw e;
        }
    }

    /**
     * Checks the run lock, then moves the version table, marks the attempt successful, writes the
     * next running row and commits, in one round trip; leaves the connection in autocommit.
     */
    Long finishMigration(Connection c, Attempt attempt, int stepsTotal) throws SQLException {
        session.checkLock("the commit of revision " + attempt.revision());
        Long next = finisher.finishAndCommit(c, attempt.before(), attempt.after(), attempt.rowId(), stepsTotal,
                env.clock().instant(), attempt.next());
        c.setAutoCommit(true);
        try {
            finisher.prepareIfNeeded(c);
        } catch (SQLException e) {
            // The migration is committed; the next one sends its finishing statement whole.
            finisher.sessionStateMayHaveChanged();
        }
        return next;
    }

    private Long runJava(JavaCodedMigration migration, Attempt attempt) {
        Connection c = session.work();
        boolean inTransaction = migration.header().transaction() == TransactionMode.AUTO;
        try {
            c.setAutoCommit(!inTransaction);
            // Java code can do anything with the session, prepared statements included.
            finisher.sessionStateMayHaveChanged();
            try {
                migration.run(attempt.direction(), c);
            } catch (SQLException e) {
                rollback(c, e);
                failAttempt(attempt, e);
                throw new MigrationFailedException(migration.revision(), migration.origin(), migration.origin()
                        + "." + attempt.direction().keyword() + "()", e, inTransaction
                        ? "nothing of it was kept: the transaction was rolled back"
                        : "it ran in autocommit (transaction = NONE): what it did before the error is kept");
            } catch (RuntimeException e) {
                rollback(c, e);
                failAttempt(attempt, e);
                throw new StepwiseException(StepwiseException.Category.FAILED, migration.origin() + ": revision "
                        + migration.revision() + " threw " + e, e);
            }
            c.setAutoCommit(false);
            Long next = finishMigration(c, attempt, 1);
            c.setAutoCommit(true);
            return next;
        } catch (SQLException e) {
            rollback(c, e);
            failAttempt(attempt, e);
            throw new DatabaseException("recording revision " + migration.revision(), e);
        }
    }

    void execute(Connection c, SqlStatement statement) throws SQLException {
        if (MigrationFinisher.mayDeallocate(statement.sql())) {
            finisher.sessionStateMayHaveChanged();
        }
        try (Statement s = c.createStatement()) {
            s.execute(statement.sql());
        }
    }

    /** A history row of this run for a migration (whole when {@code step} is null) or one of its steps. */
    HistoryEntry entry(Migration migration, Direction direction, Integer step, int stepsTotal, Instant started,
                       Outcome outcome, String error) {
        Instant finished = outcome == Outcome.RUNNING ? null : env.clock().instant();
        return new HistoryEntry(session.runId(), migration.revision(),
                direction == Direction.UP ? Action.UP : Action.DOWN, step, stepsTotal, migration.checksum(),
                started, finished, appliedBy, outcome, error);
    }

    /** The running row an attempt starts with. */
    HistoryEntry runningEntry(Migration migration, Direction direction) {
        return entry(migration, direction, null, 1, env.clock().instant(), Outcome.RUNNING, null);
    }

    /** Marks the attempt failed, in autocommit after the rollback; a dead connection only loses the mark. */
    void failAttempt(Attempt attempt, Exception cause) {
        try {
            Connection c = session.work();
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            tables.finish(c, attempt.rowId(), Outcome.FAILED, env.clock().instant(),
                    DatabaseException.firstLine(cause.getMessage()));
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    MigrationFailedException failure(SqlMigration migration, SqlStatement statement, SQLException e, String aftermath) {
        return new MigrationFailedException(migration.revision(), migration.origin() + ":" + statement.line(),
                statement.sql(), e, aftermath);
    }

    static void rollback(Connection c, Exception cause) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    RunEnvironment env() {
        return env;
    }

    RunSession session() {
        return session;
    }

    VersionTables tables() {
        return tables;
    }
}
