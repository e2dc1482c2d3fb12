package dev.stepwise.command;

import dev.stepwise.graph.Targets;
import dev.stepwise.history.Action;
import dev.stepwise.history.HistoryEntry;
import dev.stepwise.history.HistoryLedger;
import dev.stepwise.history.Outcome;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.run.MigrationRun;
import dev.stepwise.run.RunSession;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * {@code repair}: clears failed attempt rows; for a multi-step migration that stopped part-way,
 * records what the user found (its next step is done, or must run again) or abandons the attempt
 * (after the user undid its steps); and, only when confirmed, re-records the checksums of applied
 * files whose edits the user says are benign. Without being told, it leaves partial attempts as
 * they are: the next {@code upgrade} resumes them.
 */
public final class RepairCommand {

    /** Whether changed checksums of applied migrations are accepted. */
    public enum ChecksumPolicy {
        /** List them; change nothing about them. */
        REPORT,
        /** The user confirmed the edits are benign: record the files' checksums now. */
        ACCEPT
    }

    /** What to do about multi-step migrations that stopped part-way. */
    public enum PartialPolicy {
        /** List them; the next run resumes them. */
        REPORT,
        /** The user checked that the step after the last completed one finished: record it as done. */
        STEP_DONE,
        /** The user removed what that step left: the next run runs it again without reading it back. */
        STEP_REDO,
        /** The user undid every completed step: close the attempt, so the migration starts over. */
        ABANDON
    }

    /**
     * What repair did.
     *
     * @param failedRowsCleared      failed attempt rows deleted
     * @param partials               partial multi-step attempts, and what was done about them
     * @param checksumsReRecorded    mismatches whose new checksum was recorded
     * @param checksumsNeedingConsent mismatches left as they are because they were not confirmed
     */
    public record Report(int failedRowsCleared, List<HistoryLedger.PartialAttempt> partials, PartialPolicy partialPolicy,
                         List<ChecksumMismatch> checksumsReRecorded, List<ChecksumMismatch> checksumsNeedingConsent) {
    }

    private final Workspace workspace;

    public RepairCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public Report run(ChecksumPolicy policy, PartialPolicy partialPolicy) {
        MigrationSet set = workspace.migrations();
        Targets targets = new Targets(set.graph());
        try (MigrationRun run = MigrationRun.start(workspace.environment(), workspace.config().lockWait())) {
            targets.requireKnown(run.heads());
            List<ChecksumMismatch> mismatches = RunChecks.mismatches(set, targets.appliedSet(run.heads()), run.ledger());
            List<HistoryLedger.PartialAttempt> partials = run.ledger().partials();
            Connection c = run.session().work();
            try {
                c.setAutoCommit(false);
                int cleared = run.tables().deleteFailed(c);
                Instant now = workspace.clock().instant();
                String by = RunSession.appliedBy(c);
                for (HistoryLedger.PartialAttempt partial : partials) {
                    String checksum = set.graph().contains(partial.revision()) ? set.get(partial.revision()).checksum() : null;
                    switch (partialPolicy) {
                        case ABANDON -> run.tables().record(c, new HistoryEntry(run.session().runId(), partial.revision(),
                                Action.REPAIR, null, partial.stepsTotal(), checksum, now, now, by, Outcome.SUCCESS,
                                "abandoned a partial " + partial.action().word() + " attempt after step "
                                        + partial.completedSteps()));
                        case STEP_DONE -> run.tables().record(c, new HistoryEntry(run.session().runId(), partial.revision(),
                                partial.action(), partial.nextStep(), partial.stepsTotal(), partial.lastStep().checksum(),
                                now, now, by, Outcome.SUCCESS, "marked done by repair"));
                        case STEP_REDO -> {
                            long id = run.tables().record(c, new HistoryEntry(run.session().runId(), partial.revision(),
                                    partial.action(), partial.nextStep(), partial.stepsTotal(),
                                    partial.lastStep().checksum(), now, now, by, Outcome.FAILED, "marked for redo by repair"));
                            run.tables().saveProgress(c, id, HistoryLedger.REDO);
                        }
                        case REPORT -> {
                        }
                    }
                }
                if (policy == ChecksumPolicy.ACCEPT) {
                    for (ChecksumMismatch m : mismatches) {
                        run.tables().record(c, new HistoryEntry(run.session().runId(), m.revision(), Action.REPAIR,
                                null, 1, m.actual(), now, now, by, Outcome.SUCCESS,
                                "re-recorded checksum (was " + m.recorded() + ")"));
                    }
                }
                run.session().checkLock("the commit of the repair");
                c.commit();
                c.setAutoCommit(true);
                return policy == ChecksumPolicy.ACCEPT
                        ? new Report(cleared, partials, partialPolicy, mismatches, List.of())
                        : new Report(cleared, partials, partialPolicy, List.of(), mismatches);
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new DatabaseException("repairing the history table", e);
            }
        }
    }
}
