package dev.stepwise.history;

import java.time.Instant;

/**
 * A history row to be written.
 *
 * @param step       1-based step, or null for the whole migration
 * @param stepsTotal number of steps of the migration
 */
public record HistoryEntry(String runId, String revision, Action action, Integer step, int stepsTotal,
                           String checksum, Instant startedAt, Instant finishedAt, String appliedBy,
                           Outcome outcome, String error) {
}
