package dev.stepwise.run;

import dev.stepwise.StepwiseException;
import dev.stepwise.history.Action;
import dev.stepwise.history.HistoryEntry;
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
import java.util.Iterator;
import java.util.Set;

/**
 * Runs one migration in one direction on the work connection and moves the version table with it.
 *
 * <p>A single-transaction migration commits once: its statements, the version-table
 * compare-and-set and its history row, so a failure leaves neither its changes nor a version
 * change behind. A multi-step migration commits step by step, recording each step as it
 * completes, and moves the version table in a last short transaction.
 */
final class MigrationExecutor {

    private final RunEnvironment env;
    private final RunSession session;
    private final VersionTables tables;
    private final StatementClassifier classifier;
    private final String appliedBy;

    MigrationExecutor(RunEnvironment env, RunSession session, VersionTables tables, StatementClassifier classifier,
                      String appliedBy) {
        this.env = env;
        this.session = session;
        this.tables = tables;
        this.classifier = classifier;
        this.appliedBy = appliedBy;
    }

    void run(Migration migration, Direction direction, Set<String> before, Set<String> after) {
        Instant started = env.clock().instant();
        if (migration instanceof JavaCodedMigration java) {
            runJava(java, direction, before, after, started);
        } else {
            runSql((SqlMigration) migration, direction, before, after, started);
        }
        env.listener().migrationCompleted(migration.revision(), direction,
                Duration.between(started, env.clock().instant()));
    }

    private void runSql(SqlMigration migration, Direction direction, Set<String> before, Set<String> after,
                        Instant started) {
        Plan plan = migration.plan(direction, classifier);
        StepLayout layout = StepLayout.of(plan);
        if (layout.isSingleTransaction()) {
            runInOneTransaction(migration, direction, plan, before, after, started);
        } else {
            new StepSequence(this, migration, direction, plan, layout).run(before, after, started);
        }
    }

    private void runInOneTransaction(SqlMigration migration, Direction direction, Plan plan, Set<String> before,
                                     Set<String> after, Instant started) {
        Connection c = session.work();
        SqlStatement current = null;
        try {
            c.setAutoCommit(false);
            for (SqlStatement statement : plan) {
                current = statement;
                execute(c, statement);
            }
            current = null;
            finishMigration(c, migration, direction, before, after, started, 1);
            c.setAutoCommit(true);
        } catch (SQLException e) {
            rollback(c, e);
            recordFailure(migration, direction, null, 1, started, e);
            throw current == null
                    ? new DatabaseException("recording revision " + migration.revision(), e)
                    : failure(migration, current, e, "nothing of it was kept: the transaction was rolled back");
        } catch (RuntimeException e) {
            rollback(c, e);
            throw e;
        }
    }

    /** Moves the version table and records the migration; commits. The connection is in a transaction. */
    void finishMigration(Connection c, Migration migration, Direction direction, Set<String> before,
                         Set<String> after, Instant started, int stepsTotal) throws SQLException {
        tables.moveHeads(c, before, after);
        tables.record(c, entry(migration, direction, null, stepsTotal, started, Outcome.SUCCESS, null));
        session.checkLock("the commit of revision " + migration.revision());
        c.commit();
    }

    private void runJava(JavaCodedMigration migration, Direction direction, Set<String> before, Set<String> after,
                         Instant started) {
        Connection c = session.work();
        boolean inTransaction = migration.header().transaction() == TransactionMode.AUTO;
        try {
            c.setAutoCommit(!inTransaction);
            try {
                migration.run(direction, c);
            } catch (SQLException e) {
                rollback(c, e);
                recordFailure(migration, direction, null, 1, started, e);
                throw new MigrationFailedException(migration.revision(), migration.origin(), migration.origin()
                        + "." + direction.keyword() + "()", e, inTransaction
                        ? "nothing of it was kept: the transaction was rolled back"
                        : "it ran in autocommit (transaction = NONE): what it did before the error is kept");
            } catch (RuntimeException e) {
                rollback(c, e);
                throw new StepwiseException(StepwiseException.Category.FAILED, migration.origin() + ": revision "
                        + migration.revision() + " threw " + e, e);
            }
            c.setAutoCommit(false);
            finishMigration(c, migration, direction, before, after, started, 1);
            c.setAutoCommit(true);
        } catch (SQLException e) {
            rollback(c, e);
            throw new DatabaseException("recording revision " + migration.revision(), e);
        }
    }

    void execute(Connection c, SqlStatement statement) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(statement.sql());
        }
    }

    HistoryEntry entry(Migration migration, Direction direction, Integer step, int stepsTotal, Instant started,
                       Outcome outcome, String error) {
        Instant finished = outcome == Outcome.RUNNING ? null : env.clock().instant();
        return new HistoryEntry(session.runId(), migration.revision(),
                direction == Direction.UP ? Action.UP : Action.DOWN, step, stepsTotal, migration.checksum(),
                started, finished, appliedBy, outcome, error);
    }

    /** Writes a failed row in autocommit after the rollback; a dead connection only loses the row. */
    void recordFailure(Migration migration, Direction direction, Integer step, int stepsTotal, Instant started,
                       Exception cause) {
        try {
            Connection c = session.work();
            c.setAutoCommit(true);
            tables.record(c, entry(migration, direction, step, stepsTotal, started, Outcome.FAILED,
                    DatabaseException.firstLine(cause.getMessage())));
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

    static Iterator<SqlStatement> skip(Iterator<SqlStatement> it, int n) {
        for (int i = 0; i < n; i++) {
            it.next();
        }
        return it;
    }
}
