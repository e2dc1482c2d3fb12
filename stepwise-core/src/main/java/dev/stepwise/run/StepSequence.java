package dev.stepwise.run;

import dev.stepwise.history.Outcome;
import dev.stepwise.source.Direction;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.sql.Plan;
import dev.stepwise.sql.SqlStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;

/**
 * Runs a migration that has statements which cannot share a transaction, step by step, recording
 * each step as it completes, and moves the version table in a last short transaction.
 */
final class StepSequence {

    private final MigrationExecutor executor;
    private final SqlMigration migration;
    private final Attempt attempt;
    private final Direction direction;
    private final Plan plan;
    private final StepLayout layout;

    StepSequence(MigrationExecutor executor, SqlMigration migration, Attempt attempt, Plan plan, StepLayout layout) {
        this.executor = executor;
        this.migration = migration;
        this.attempt = attempt;
        this.direction = attempt.direction();
        this.plan = plan;
        this.layout = layout;
    }

    Long run() {
        Connection c = executor.session().work();
        int total = layout.steps().size();
        Iterator<SqlStatement> statements = plan.iterator();
        for (int k = 1; k <= total; k++) {
            StepLayout.Step step = layout.steps().get(k - 1);
            executor.session().checkLock("step " + k + " of " + total + " of revision " + migration.revision());
            Instant stepStarted = executor.env().clock().instant();
            SqlStatement first = runStep(c, step, k, total, statements, stepStarted);
            executor.env().listener().stepCompleted(migration.revision(), k, total, describe(first, step),
                    Duration.between(stepStarted, executor.env().clock().instant()));
        }
        try {
            c.setAutoCommit(false);
            Long next = executor.finishMigration(c, attempt, total);
            c.setAutoCommit(true);
            return next;
        } catch (SQLException e) {
            MigrationExecutor.rollback(c, e);
            executor.failAttempt(attempt, e);
            throw new DatabaseException("recording revision " + migration.revision() + " after its " + total + " steps", e);
        } catch (RuntimeException e) {
            MigrationExecutor.rollback(c, e);
            throw e;
        }
    }

    /** Runs one step; returns its first statement (for the progress line). */
    private SqlStatement runStep(Connection c, StepLayout.Step step, int k, int total, Iterator<SqlStatement> statements,
                                 Instant stepStarted) {
        SqlStatement current = null;
        SqlStatement first = null;
        long runningRow = -1;
        try {
            if (step.transactional()) {
                c.setAutoCommit(false);
                for (int i = step.first(); i < step.end(); i++) {
                    current = statements.next();
                    first = first == null ? current : first;
                    executor.execute(c, current);
                }
                current = null;
                executor.tables().record(c, executor.entry(migration, direction, k, total, stepStarted,
                        Outcome.SUCCESS, null));
                executor.session().checkLock("the commit of step " + k + " of revision " + migration.revision());
                c.commit();
                c.setAutoCommit(true);
            } else {
                c.setAutoCommit(true);
                first = statements.next();
                // Recorded as running first, so a run killed during a long concurrent build is seen
                // as interrupted at this step by the next run.
                runningRow = executor.tables().record(c, executor.entry(migration, direction, k, total, stepStarted,
                        Outcome.RUNNING, null));
                current = first;
                executor.execute(c, current);
                current = null;
                executor.tables().finish(c, runningRow, Outcome.SUCCESS, executor.env().clock().instant(), null);
            }
            return first;
        } catch (SQLException e) {
            MigrationExecutor.rollback(c, e);
            // With nothing of the migration committed, it failed as a whole, like a
            // single-transaction one: a step row would make the next run wait for a repair.
            if (!nothingKept(step, k)) {
                recordStepFailure(c, k, total, stepStarted, runningRow, e);
            }
            executor.failAttempt(attempt, e);
            if (current == null) {
                throw new DatabaseException("recording step " + k + " of revision " + migration.revision(), e);
            }
            throw executor.failure(migration, current, e, aftermath(step, k, total));
        } catch (RuntimeException e) {
            MigrationExecutor.rollback(c, e);
            throw e;
        }
    }

    private void recordStepFailure(Connection c, int k, int total, Instant stepStarted, long runningRow, SQLException e) {
        try {
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

    private static boolean nothingKept(StepLayout.Step step, int k) {
        return k == 1 && step.transactional();
    }

    private static String aftermath(StepLayout.Step step, int k, int total) {
        if (nothingKept(step, k)) {
            return "nothing of it was kept: step 1 of " + total + " was rolled back";
        }
        boolean transactional = step.transactional();
        String thisStep = transactional ? "step " + k + " of " + total + " was rolled back"
                : "step " + k + " of " + total + " ran outside a transaction and may have left work behind"
                + " (e.g. an INVALID index)";
        String earlier = k > 1 ? "; steps 1-" + (k - 1) + " are committed and recorded" : "";
        return thisStep + earlier + "; the revision stays unapplied and the next run stops at this step until"
                + " `stepwise repair` clears the attempt";
    }

    private static String describe(SqlStatement first, StepLayout.Step step) {
        if (first == null) {
            return "(empty)";
        }
        String text = first.sql().strip().replaceAll("\\s+", " ");
        if (text.length() > 60) {
            text = text.substring(0, 57) + "...";
        }
        return (step.transactional() ? "" : "outside a transaction: ") + text
                + (step.size() > 1 ? " (+" + (step.size() - 1) + " more)" : "");
    }
}
