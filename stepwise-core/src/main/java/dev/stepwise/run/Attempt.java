package dev.stepwise.run;

import dev.stepwise.history.HistoryEntry;
import dev.stepwise.history.Outcome;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;

import java.time.Instant;
import java.util.Set;

/**
 * One attempt at one migration: its history row (written as running before the migration's
 * transaction begins, so a killed run leaves a trace the next run marks interrupted), the heads it
 * moves between, and the running row of the migration after it, written in the same commit.
 *
 * @param rowId the history row of this attempt, now {@code running}
 * @param next    the running row to write for the following migration on success, or null
 * @param outcome what success is recorded as: {@code success}, or {@code unsafe-forced}
 */
record Attempt(long rowId, Migration migration, Direction direction, Set<String> before, Set<String> after,
               Instant started, HistoryEntry next, Outcome outcome) {

    String revision() {
        return migration.revision();
    }
}
