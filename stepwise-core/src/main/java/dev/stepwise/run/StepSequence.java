package dev.stepwise.run;

import dev.stepwise.StepwiseException;
import dev.stepwise.backfill.BatchCursor;
import dev.stepwise.dialect.ErrorKind;
import dev.stepwise.dialect.StepReconciler;
import dev.stepwise.fault.Faults;
import dev.stepwise.fault.Guarantee;
import dev.stepwise.history.HistoryLedger;
import dev.stepwise.history.HistoryRow;
import dev.stepwise.history.Outcome;
import dev.stepwise.source.Direction;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.sql.Plan;
import dev.stepwise.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs a migration that has statements which cannot share a transaction, step by step, recording
 * each step as it completes, and moves the version table in a last short transaction.
 *
 * <p>A transactional step records itself in its own transaction, so it is either done and
 * recorded or not done at all. A step in autocommit is recorded as running before it starts; when
 * a run finds one that did not finish (killed, failed, lost connection), it reads back from the
 * database what the step left ({@link StepReconciler}) before going on, so no step is lost,
 * half-repeated or skipped.
 */
final class StepSequence {

    private final MigrationExecutor executor;
    private final SqlMigration migration;
    private final Attempt attempt;
    private final Direction direction;
    private final StepLayout layout;
    private final HistoryLedger.PartialAttempt resume;
    private final PlanCursor cursor;
    private final StatementInFlight current;

    /** Which step runs: its place in the layout and when it started. */
    private record Position(StepLayout.Step step, int k, int total, Instant started) {
    }

    StepSequence(MigrationExecutor executor, SqlMigration migration, Attempt attempt, Plan plan, StepLayout layout,
                 HistoryLedger.PartialAttempt resume) {
        this.executor = executor;
        this.migration = migration;
        this.attempt = attempt;
        this.direction = attempt.direction();
        this.layout = layout;
        this.resume = resume;
        this.cursor = new PlanCursor(plan);
        this.current = new StatementInFlight(migration);
    }

    Long run() {
        try {
            return runSteps();
        } finally {
            cursor.close();
        }
    }

    private Long runSteps() {
        Connection c = executor.session().work();
        int total = layout.steps().size();
        int from = 1;
        if (resume != null) {
            if (resume.stepsTotal() != total) {
                throw new StepwiseException(StepwiseException.Category.FAILED, migration.origin() + ": revision "
                        + migration.revision() + " stopped after step " + resume.completedSteps() + " of "
                        + resume.stepsTotal() + ", but the file now has " + total + " steps; restore the file as it"
                        + " was, or finish the migration by hand and run `stepwise repair`");
            }
            from = resume.nextStep();
            executor.env().listener().notice("resuming revision " + migration.revision() + " at step " + from + " of "
                    + total + " (steps 1-" + resume.completedSteps() + " are done)");
        }
        for (int k = from; k <= total; k++) {
            StepLayout.Step step = layout.steps().get(k - 1);
            executor.session().checkLock("step " + k + " of " + total + " of revision " + migration.revision());
            executor.env().events().reach("before-step " + migration.revision() + " " + k);
            Instant stepStarted = executor.env().clock().instant();
            HistoryRow interrupted = resume != null && k == from ? resume.startedNextStep().orElse(null) : null;
            String description = runStep(c, new Position(step, k, total, stepStarted), interrupted);
            executor.env().listener().stepCompleted(migration.revision(), k, total, description,
                    Duration.between(stepStarted, executor.env().clock().instant()));
            executor.env().events().reach("after-step " + migration.revision() + " " + k);
        }
        try {
            return executor.inTransaction(c, StepTimeouts.Policy.SHORT, 1, executor.timeouts().sessionDefault(),
                    () -> executor.finishMigration(c, attempt, total));
        } catch (SQLException e) {
            executor.failAttempt(attempt, e);
            throw new DatabaseException("recording revision " + migration.revision() + " after its " + total + " steps", e);
        } catch (RuntimeException e) {
            executor.failAttempt(attempt, e);
            throw e;
        }
    }

    /** Runs one step; returns how to describe it on the progress line. */
    private String runStep(Connection c, Position at, HistoryRow interrupted) {
        return switch (at.step().kind()) {
            case TRANSACTION, OWN_TRANSACTION -> transactionalStep(c, at);
            case AUTOCOMMIT -> autocommitStep(c, at, interrupted);
            case BATCH -> batchStep(c, at, interrupted);
        };
    }

    private String transactionalStep(Connection c, Position at) {
        StepLayout.Step step = at.step();
        int k = at.k();
        int total = at.total();
        Instant stepStarted = at.started();
        StepTimeouts.Policy policy = StepTimeouts.Policy.of(step.lock());
        SqlStatement[] first = new SqlStatement[1];
        try {
            executor.retry().run(policy, current, (n, t) -> executor.inTransaction(c, policy, n, t, () -> {
                int statement = 0;
                for (SqlStatement s : cursor.statements(step)) {
                    first[0] = first[0] == null ? s : first[0];
                    current.set(s);
                    executor.env().events().reach("statement " + migration.revision() + " " + k + " " + ++statement);
                    executor.execute(c, s);
                }
                current.set(null);
                if (Faults.kept(Guarantee.STEP_RECORD)) {
                    executor.tables().record(c, executor.entry(migration, direction, k, total, stepStarted,
                            Outcome.SUCCESS, null));
                }
                executor.session().checkLock("the commit of step " + k + " of revision " + migration.revision());
                executor.env().events().reach("before-commit " + migration.revision() + " " + k);
                c.commit();
                return null;
            }));
            return describe(first[0], step);
        } catch (SQLException e) {
            return failed(c, at, -1, e);
        } catch (LockRetryExhaustedException e) {
            throw gaveUp(c, at, -1, e);
        }
    }

    private String autocommitStep(Connection c, Position at, HistoryRow interrupted) {
        StepLayout.Step step = at.step();
        int k = at.k();
        int total = at.total();
        Instant stepStarted = at.started();
        SqlStatement statement = cursor.statements(step).iterator().next();
        current.set(statement);
        StepTimeouts.Policy policy = StepTimeouts.Policy.of(step.lock());
        long runningRow = -1;
        try {
            if (interrupted != null && !HistoryLedger.REDO.equals(interrupted.progress())
                    && Faults.kept(Guarantee.INVALID_INDEX_CHECK)) {
                if (readBack(c, statement, k, total, stepStarted)) {
                    return describe(statement, step) + " (found done)";
                }
            }
            // Recorded as running first, so a run killed during a long concurrent build is seen
            // as interrupted at this step by the next run.
            runningRow = executor.tables().record(c, executor.entry(migration, direction, k, total, stepStarted,
                    Outcome.RUNNING, null));
            executor.env().events().reach("before-statement " + migration.revision() + " " + k);
            executor.inAutocommit(c, policy, current, statement.sql());
            // done but not recorded yet: the window the next run's read-back exists for
            executor.env().events().reach("after-statement " + migration.revision() + " " + k);
            executor.tables().finish(c, runningRow, Outcome.SUCCESS, executor.env().clock().instant(), null);
            return describe(statement, step);
        } catch (SQLException e) {
            if (executor.env().dialect().errorKind(e) != ErrorKind.CONNECTION_LOST) {
                cleanUpAfter(c, statement, e);
            }
            return failed(c, at, runningRow, e);
        } catch (LockRetryExhaustedException e) {
            throw gaveUp(c, at, runningRow, e);
        }
    }

    private String batchStep(Connection c, Position at, HistoryRow interrupted) {
        StepLayout.Step step = at.step();
        int k = at.k();
        int total = at.total();
        Instant stepStarted = at.started();
        SqlStatement statement = cursor.statements(step).iterator().next();
        current.set(statement);
        long runningRow = -1;
        try {
            // batches commit one by one with their cursor: an interrupted step goes on after the last
            BatchCursor resumeFrom = interrupted == null ? null : BatchCursor.decode(interrupted.progress());
            if (resumeFrom != null) {
                executor.env().listener().notice("step " + k + " of " + total + " of revision " + migration.revision()
                        + " goes on after batch " + resumeFrom.batches() + " (" + resumeFrom.rows() + " rows done)");
            }
            runningRow = executor.tables().record(c, executor.entry(migration, direction, k, total, stepStarted,
                    Outcome.RUNNING, null));
            long rows = new BatchedStep(executor, migration, current, k).run(c, statement, runningRow, resumeFrom);
            executor.tables().finish(c, runningRow, Outcome.SUCCESS, executor.env().clock().instant(), null);
            return describe(statement, step) + " (" + rows + " rows in batches)";
        } catch (SQLException e) {
            return failed(c, at, runningRow, e);
        } catch (LockRetryExhaustedException e) {
            throw gaveUp(c, at, runningRow, e);
        } catch (RuntimeException e) {
            recordStepFailure(c, at, runningRow, e);
            executor.failAttempt(attempt, e);
            throw e;
        }
    }

    /**
     * Reads back what an interrupted autocommit step left. Returns whether the step turned out to
     * be done (now recorded); otherwise its leftovers are gone and it should run again.
     */
    private boolean readBack(Connection c, SqlStatement statement, int k, int total, Instant stepStarted)
            throws SQLException {
        StepReconciler.Reconciliation r = executor.env().dialect().stepReconciler(c).reconcile(statement);
        executor.env().listener().notice("step " + k + " of " + total + " of revision " + migration.revision()
                + " did not finish last time: " + r.finding());
        switch (r.verdict()) {
            case UNKNOWN -> throw new StepwiseException(StepwiseException.Category.FAILED, migration.origin() + ":"
                    + statement.line() + ": revision " + migration.revision() + " step " + k + " of " + total + " (`"
                    + StatementInFlight.oneLine(statement.sql()) + "`) ran outside a transaction and did not finish: "
                    + r.finding() + ". Check the database; if the step's work is complete run `stepwise repair"
                    + " --step-done`, otherwise undo what it left and run `stepwise repair --step-redo`");
            case DONE, FINISH -> {
                runCleanup(c, r);
                executor.tables().record(c, executor.entry(migration, direction, k, total, stepStarted,
                        Outcome.SUCCESS, "read back: " + r.finding()));
                return true;
            }
            default -> {
                runCleanup(c, r);
                return false;
            }
        }
    }

    private void runCleanup(Connection c, StepReconciler.Reconciliation r) throws SQLException {
        for (String cleanup : r.cleanup()) {
            executor.inAutocommit(c, StepTimeouts.Policy.LONG, current, cleanup);
        }
    }

    /**
     * After a failed autocommit step, removes what it left (an INVALID index), so a failing step
     * leaves nothing half-done; best effort, since the next run reads the step back anyway.
     */
    private void cleanUpAfter(Connection c, SqlStatement statement, SQLException failure) {
        if (!Faults.kept(Guarantee.INVALID_INDEX_CHECK)) {
            return;
        }
        try {
            StepReconciler.Reconciliation r = executor.env().dialect().stepReconciler(c).reconcile(statement);
            if (r.verdict() == StepReconciler.Verdict.REDO && !r.cleanup().isEmpty()) {
                runCleanup(c, r);
                executor.env().listener().notice("step of revision " + migration.revision() + " failed; cleaned up: "
                        + r.finding().replace("building it again", "it will be built again by the next run"));
            }
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        } finally {
            current.set(statement);
        }
    }

    private String failed(Connection c, Position at, long runningRow, SQLException e) {
        MigrationExecutor.rollback(c, e);
        // With nothing of the migration committed, it failed as a whole, like a
        // single-transaction one: a step row would make the next run resume a migration
        // that has nothing to resume.
        if (!nothingKept(at.step(), at.k())) {
            recordStepFailure(c, at, runningRow, e);
        }
        executor.failAttempt(attempt, e);
        if (current.current() == null) {
            throw new DatabaseException("recording step " + at.k() + " of revision " + migration.revision(), e);
        }
        throw executor.failure(migration, current.current(), e, aftermath(at.step(), at.k(), at.total()));
    }

    /** A step that spent its lock retry budget: recorded as failed, the attempt too, with what was kept. */
    private RuntimeException gaveUp(Connection c, Position at, long runningRow, LockRetryExhaustedException e) {
        recordStepFailure(c, at, runningRow, e);
        executor.failAttempt(attempt, e);
        return e.withAftermath(aftermath(at.step(), at.k(), at.total()));
    }

    private void recordStepFailure(Connection c, Position at, long runningRow, Exception e) {
        int k = at.k();
        int total = at.total();
        Instant stepStarted = at.started();
        try {
            MigrationExecutor.rollback(c, e);
            c.setAutoCommit(true);
            String error = DatabaseException.firstLine(e.getMessage());
            if (runningRow < 0) {
                executor.tables().record(c, executor.entry(migration, direction, k, total, stepStarted,
                        Outcome.FAILED, error));
            } else {
                executor.tables().finish(c, runningRow, Outcome.FAILED, executor.env().clock().instant(), error);
            }
        } catch (SQLException | RuntimeException second) {
            e.addSuppressed(second);
        }
    }

    private boolean nothingKept(StepLayout.Step step, int k) {
        return k == 1 && step.transactional() && resume == null;
    }

    private String aftermath(StepLayout.Step step, int k, int total) {
        if (nothingKept(step, k)) {
            return "nothing of it was kept: step 1 of " + total + " was rolled back";
        }
        String thisStep = switch (step.kind()) {
            case TRANSACTION, OWN_TRANSACTION -> "step " + k + " of " + total + " was rolled back";
            case AUTOCOMMIT -> "step " + k + " of " + total + " ran outside a transaction; what it left was removed"
                    + " or is read back by the next run";
            case BATCH -> "the batches of step " + k + " of " + total + " committed so far stay done, with their"
                    + " cursor";
        };
        String earlier = k > 1 ? "; steps 1-" + (k - 1) + " are committed and recorded" : "";
        return thisStep + earlier + "; the next run resumes at step " + k
                + (step.kind() == StepLayout.Kind.BATCH ? " after its last committed batch" : "");
    }

    private static String describe(SqlStatement first, StepLayout.Step step) {
        if (first == null) {
            return "(empty)";
        }
        String text = first.sql().strip().replaceAll("\\s+", " ");
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return (step.kind() == StepLayout.Kind.AUTOCOMMIT ? "outside a transaction: " : "") + text
                + (step.size() > 1 ? " (+" + (step.size() - 1) + " more)" : "");
    }
}
