package dev.stepwise.run;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.ErrorKind;
import dev.stepwise.dialect.Timeouts;
import dev.stepwise.history.Action;
import dev.stepwise.history.HistoryEntry;
import dev.stepwise.history.HistoryLedger;
import dev.stepwise.history.MigrationFinisher;
import dev.stepwise.history.Outcome;
import dev.stepwise.history.VersionTables;
import dev.stepwise.source.Direction;
import dev.stepwise.source.JavaCodedMigration;
import dev.stepwise.source.Migration;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.source.TransactionMode;
import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.LockImpact;
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
 * completes, and moves the version table in a last short transaction. Every transaction whose
 * locks queue traffic runs under a short lock timeout and is tried again, with a longer one,
 * when it waits too long ({@link LockTimeoutRetry}).
 */
final class MigrationExecutor implements AutoCloseable {

    /** Up to this much SQL text, a one-transaction plan is read once and run from memory. */
    static final long SMALL_PLAN_CHARS = 256 * 1024;

    private final RunEnvironment env;
    private final RunSession session;
    private final VersionTables tables;
    private final StatementClassifier classifier;
    private final String appliedBy;
    private final MigrationFinisher finisher;
    private final StepTimeouts timeouts;
    private final WorkWatcher watcher;
    private final LockTimeoutRetry retry;

    MigrationExecutor(RunEnvironment env, RunSession session, VersionTables tables, StatementClassifier classifier,
                      String appliedBy, int serverMajorVersion) throws SQLException {
        this.env = env;
        this.session = session;
        this.tables = tables;
        this.classifier = classifier;
        this.appliedBy = appliedBy;
        this.finisher = new MigrationFinisher(tables.sql());
        this.timeouts = new StepTimeouts(env.lockTimeouts(), env.dialect().enforcesTransactionTimeout(serverMajorVersion));
        applySessionTimeouts(session.work(), timeouts.sessionDefault());
        this.watcher = new WorkWatcher(env, env.dialect().backendPid(session.work()));
        this.retry = new LockTimeoutRetry(env, timeouts, watcher);
    }

    /**
     * Runs the attempt, from its first step or, when {@code resume} is given, from where an
     * earlier attempt stopped; returns the id of the next migration's running row, if one was written.
     */
    Long run(Attempt attempt, HistoryLedger.PartialAttempt resume) {
        Long next = attempt.migration() instanceof JavaCodedMigration java
                ? runJava(java, attempt)
                : runSql((SqlMigration) attempt.migration(), attempt, resume);
        env.listener().migrationCompleted(attempt.revision(), attempt.direction(),
                Duration.between(attempt.started(), env.clock().instant()));
        return next;
    }

    private Long runSql(SqlMigration migration, Attempt attempt, HistoryLedger.PartialAttempt resume) {
        Plan plan = migration.plan(attempt.direction(), classifier);
        if (resume == null) {
            // Most migrations are small and run in one transaction: read once, run from memory.
            List<SqlStatement> small = readIfSmallAndTransactional(plan);
            if (small != null) {
                LockImpact lock = small.stream().map(SqlStatement::lock).reduce(LockImpact.MINOR, LockImpact::max);
                return runInOneTransaction(migration, small, lock, attempt);
            }
        }
        StepLayout layout = StepLayout.of(plan);
        if (layout.isSingleTransaction() && resume == null) {
            return runInOneTransaction(migration, plan, layout.steps().get(0).lock(), attempt);
        }
        return new StepSequence(this, migration, attempt, plan, layout, resume).run();
    }

    /**
     * The plan's statements when they all share one transaction and their text stays under
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
                // an added enum value may need a step of its own: the step layout decides
                if (s.mode() != ExecutionMode.TRANSACTIONAL || s.traits().addedEnumValue() != null
                        || chars > SMALL_PLAN_CHARS) {
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

    private Long runInOneTransaction(SqlMigration migration, Iterable<SqlStatement> plan, LockImpact lock,
                                     Attempt attempt) {
        Connection c = session.work();
        StatementInFlight current = new StatementInFlight(migration);
        StepTimeouts.Policy policy = StepTimeouts.Policy.of(lock);
        try {
            return retry.run(policy, current, (n, t) -> inTransaction(c, policy, n, t, () -> {
                int count = 0;
                for (SqlStatement statement : plan) {
                    current.set(statement);
                    env.events().reach("statement " + migration.revision() + " 1 " + ++count);
                    execute(c, statement);
                }
                current.set(null);
                return finishMigration(c, attempt, 1);
            }));
        } catch (SQLException e) {
            failAttempt(attempt, e);
            throw current.current() == null
                    ? new DatabaseException("recording revision " + migration.revision(), e)
                    : failure(migration, current.current(), e, "nothing of it was kept: the transaction was rolled back");
        } catch (LockRetryExhaustedException e) {
            failAttempt(attempt, e);
            throw e.withAftermath("nothing of it was kept: the transaction was rolled back;"
                    + " the next run tries it again");
        } catch (RuntimeException e) {
            failAttempt(attempt, e);
            throw e;
        }
    }

    /** Work done inside one transaction attempt. */
    @FunctionalInterface
    interface TransactionBody<T> {
        T run() throws SQLException;
    }

    /**
     * Runs one attempt of a transactional step under its timeouts: opens the transaction, runs
     * the body (which commits), and rolls back when anything fails. Always leaves the connection
     * in autocommit with the session's default timeouts.
     */
    <T> T inTransaction(Connection c, StepTimeouts.Policy policy, int n, Timeouts t, TransactionBody<T> body)
            throws SQLException {
        boolean sessionChanged = false;
        try {
            if (policy == StepTimeouts.Policy.LONG) {
                // Set for the session before the transaction starts: PostgreSQL times a
                // transaction from its start with the value in force then.
                applySessionTimeouts(c, t);
                sessionChanged = true;
            }
            c.setAutoCommit(false);
            if (policy == StepTimeouts.Policy.SHORT && n > 1) {
                execute(c, env.dialect().timeoutSettings(new Timeouts(t.lockTimeout(), t.statementTimeout(), null),
                        Timeouts.Scope.TRANSACTION));
            }
            if (!timeouts.serverBoundsTransactions()) {
                watcher.startDeadline(timeouts.attemptBound(policy));
            }
            T result = body.run();
            c.setAutoCommit(true);
            return result;
        } catch (SQLException e) {
            rollback(c, e);
            throw deadlineAware(e, policy);
        } catch (RuntimeException e) {
            rollback(c, e);
            throw e;
        } finally {
            watcher.endDeadline();
            if (sessionChanged) {
                restoreSessionTimeouts(c);
            }
        }
    }

    /**
     * Runs one statement in autocommit under a step's timeouts; with a short policy a lock
     * timeout is retried.
     */
    void inAutocommit(Connection c, StepTimeouts.Policy policy, StatementInFlight current, String sql)
            throws SQLException {
        retry.run(policy, current, (n, t) -> {
            boolean sessionChanged = policy == StepTimeouts.Policy.LONG || n > 1;
            try {
                c.setAutoCommit(true);
                if (sessionChanged) {
                    applySessionTimeouts(c, t);
                }
                if (MigrationFinisher.mayDeallocate(sql)) {
                    finisher.sessionStateMayHaveChanged();
                }
                execute(c, sql);
                return null;
            } finally {
                if (sessionChanged) {
                    restoreSessionTimeouts(c);
                }
            }
        });
    }

    /** A statement cancelled at the attempt's deadline reads as what it is, not as a plain cancel. */
    private SQLException deadlineAware(SQLException e, StepTimeouts.Policy policy) {
        ErrorKind kind = env.dialect().errorKind(e);
        if (watcher.deadlinePassed() && kind == ErrorKind.STATEMENT_TIMEOUT || kind == ErrorKind.TRANSACTION_TIMEOUT) {
            return new SQLException("the attempt ran past its bound of "
                    + BlockerText.seconds(timeouts.attemptBound(policy)) + " ("
                    + (policy == StepTimeouts.Policy.LONG ? "statement_budget" : "attempt_timeout")
                    + "): " + DatabaseException.firstLine(e.getMessage()), e.getSQLState(), e);
        }
        return e;
    }

    private void applySessionTimeouts(Connection c, Timeouts t) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(env.dialect().timeoutSettings(t, Timeouts.Scope.SESSION));
        }
    }

    private void restoreSessionTimeouts(Connection c) {
        try {
            if (!c.isClosed()) {
                if (!c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
                applySessionTimeouts(c, timeouts.sessionDefault());
            }
        } catch (SQLException e) {
            // a dead connection fails the next statement anyway, with a clearer message
        }
    }

    /**
     * Checks the run lock, then moves the version table, marks the attempt successful, writes the
     * next running row and commits, in one round trip; leaves the connection in autocommit.
     */
    Long finishMigration(Connection c, Attempt attempt, int stepsTotal) throws SQLException {
        session.checkLock("the commit of revision " + attempt.revision());
        env.events().reach("before-commit " + attempt.revision());
        Long next = finisher.finishAndCommit(c, attempt.before(), attempt.after(), attempt.rowId(), stepsTotal,
                env.clock().instant(), attempt.outcome(), attempt.next());
        c.setAutoCommit(true);
        env.events().reach("committed " + attempt.revision());
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
        String method = attempt.direction().keyword() + "()";
        StatementInFlight current = new StatementInFlight(migration);
        current.setJava(method);
        // Java code can do anything with the session, prepared statements included.
        finisher.sessionStateMayHaveChanged();
        try {
            if (!inTransaction) {
                c.setAutoCommit(true);
                runJavaCode(migration, attempt, c);
                return inTransaction(c, StepTimeouts.Policy.SHORT, 1, timeouts.sessionDefault(),
                        () -> finishMigration(c, attempt, 1));
            }
            return retry.run(StepTimeouts.Policy.SHORT, current, (n, t) -> inTransaction(c, StepTimeouts.Policy.SHORT, n,
                    t, () -> {
                        runJavaCode(migration, attempt, c);
                        return finishMigration(c, attempt, 1);
                    }));
        } catch (JavaCodeFailure e) {
            failAttempt(attempt, e.getCause());
            if (e.getCause() instanceof SQLException sql) {
                throw new MigrationFailedException(migration.revision(), migration.origin(), migration.origin()
                        + "." + method, sql, inTransaction
                        ? "nothing of it was kept: the transaction was rolled back"
                        : "it ran in autocommit (transaction = NONE): what it did before the error is kept");
            }
            throw new StepwiseException(StepwiseException.Category.FAILED, migration.origin() + ": revision "
                    + migration.revision() + " threw " + e.getCause(), e.getCause());
        } catch (LockRetryExhaustedException e) {
            failAttempt(attempt, e);
            throw e.withAftermath("nothing of it was kept: the transaction was rolled back");
        } catch (SQLException e) {
            failAttempt(attempt, e);
            throw new DatabaseException("recording revision " + migration.revision(), e);
        }
    }

    /** Runs the Java code; a failure that is not a lock wait is not retried. */
    private void runJavaCode(JavaCodedMigration migration, Attempt attempt, Connection c) throws SQLException {
        try {
            migration.run(attempt.direction(), c);
        } catch (SQLException e) {
            ErrorKind kind = env.dialect().errorKind(e);
            if (kind == ErrorKind.LOCK_TIMEOUT || kind == ErrorKind.DEADLOCK) {
                throw e;
            }
            throw new JavaCodeFailure(e);
        } catch (RuntimeException e) {
            throw new JavaCodeFailure(e);
        }
    }

    /** A Java-coded migration's own failure, carried past the retry loop unretried. */
    private static final class JavaCodeFailure extends RuntimeException {
        JavaCodeFailure(Exception cause) {
            super(cause);
        }
    }

    void execute(Connection c, SqlStatement statement) throws SQLException {
        if (MigrationFinisher.mayDeallocate(statement.sql())) {
            finisher.sessionStateMayHaveChanged();
        }
        execute(c, statement.sql());
    }

    /** Watches a statement about to run on the work connection (who blocks it; the attempt's deadline). */
    WorkWatcher.Watch watch(Statement jdbc, StatementInFlight current) throws SQLException {
        if (watcher.deadlinePassed()) {
            throw new SQLException("canceling statement: the attempt's deadline passed", "57014");
        }
        return watcher.watch(jdbc, current.statement());
    }

    /** Runs one statement on the work connection, watched: who blocks it, and the attempt's deadline. */
    void execute(Connection c, String sql) throws SQLException {
        if (watcher.deadlinePassed()) {
            throw new SQLException("canceling statement: the attempt's deadline passed", "57014");
        }
        try (Statement s = c.createStatement(); WorkWatcher.Watch watch = watcher.watch(s, StatementInFlight.oneLine(sql))) {
            s.execute(sql);
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
    void failAttempt(Attempt attempt, Throwable cause) {
        try {
            Connection c = session.work();
            if (!c.getAutoCommit()) {
                c.rollback();
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

    static void rollback(Connection c, Throwable cause) {
        try {
            if (!c.isClosed() && !c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
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

    StepTimeouts timeouts() {
        return timeouts;
    }

    LockTimeoutRetry retry() {
        return retry;
    }

    @Override
    public void close() {
        watcher.close();
    }
}
