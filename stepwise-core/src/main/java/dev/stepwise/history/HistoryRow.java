package dev.stepwise.history;

import java.time.Instant;

/**
 * One attempt recorded in the history table.
 *
 * @param step       1-based step of a multi-step migration, or null for a whole migration
 * @param stepsTotal how many steps the migration has (1 for a single transaction)
 * @param durationMs null while unfinished
 * @param progress   where a batched step had got to (its keyset cursor), or null
 */
public record HistoryRow(long id, String runId, String revision, Action action, Integer step, int stepsTotal,
                         String checksum, Instant startedAt, Instant finishedAt, Long durationMs, String appliedBy,
                         Outcome outcome, String error, String progress) {

    public boolean isWholeMigration() {
        return step == null;
    }
}
