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
 * {@code repair}: clears failed attempt rows, closes attempts of multi-step migrations that stopped
 * part-way (after the user has dealt with what they left), and, only when confirmed, re-records the
 * checksums of applied files whose edits the user says are benign.
 */
public final class RepairCommand {

    /** Whether changed checksums of applied migrations are accepted. */
    public enum ChecksumPolicy {
        /** List them; change nothing about them. */
        REPORT,
        /** The user confirmed the edits are benign: record the files' checksums now. */
        ACCEPT
    }

    /**
     * What repair did.
     *
     * @param failedRowsCleared      failed attempt rows deleted
     * @param attemptsClosed         partial multi-step attempts closed
     * @param checksumsReRecorded    mismatches whose new checksum was recorded
     * @param checksumsNeedingConsent mismatches left as they are because they were not confirmed
     */
    public record Report(int failedRowsCleared, List<HistoryLedger.PartialAttempt> attemptsClosed,
                         List<ChecksumMismatch> checksumsReRecorded, List<ChecksumMismatch> checksumsNeedingConsent) {
    }

    private final Workspace workspace;

    public RepairCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public Report run(ChecksumPolicy policy) {
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
                    run.tables().record(c, new HistoryEntry(run.session().runId(), partial.revision(), Action.REPAIR,
                            null, partial.stepsTotal(), checksum, now, now, by, Outcome.SUCCESS,
                            "closed a partial " + partial.action().word() + " attempt after step " + partial.completedSteps()));
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
                        ? new Report(cleared, partials, mismatches, List.of())
                        : new Report(cleared, partials, List.of(), mismatches);
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
