package dev.stepwise.dialect;

import java.time.Instant;
import java.util.List;

/**
 * What finishing one migration writes, inside its transaction: the heads it removes and adds, its
 * attempt row marked successful, and the running row of the migration that follows, if any.
 *
 * @param outcome the attempt's outcome word: {@code success}, or {@code unsafe-forced} when the
 *                user forced it past a safety check (a contract migration before its time)
 * @param next    the running row of the following migration, or null when none follows
 */
public record FinishMigration(List<String> removedHeads, List<String> addedHeads, Instant finishedAt,
                              int stepsTotal, long attemptRow, String outcome, RunningRow next) {

    public FinishMigration {
        removedHeads = List.copyOf(removedHeads);
        addedHeads = List.copyOf(addedHeads);
    }

    /** A history row written as running before its migration starts. */
    public record RunningRow(String runId, String revision, String direction, String checksum, Instant startedAt,
                             String appliedBy) {
    }

    /** How the finishing statement is sent. */
    public enum Form {
        /** The whole statement, with its values as literals. */
        DIRECT,
        /** A call of the statement prepared on this session by {@link VersionTableSql#prepareFinishMigration()}. */
        PREPARED
    }
}
