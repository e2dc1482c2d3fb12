package dev.stepwise.run;

import dev.stepwise.backfill.BatchProgress;
import dev.stepwise.source.Direction;

import java.time.Duration;

/** Hears what a run does, as it does it; the CLI prints these lines. */
public interface RunListener {

    /** A one-line note: waiting for the lock, using the embedded server, ending an orphan. */
    default void notice(String message) {
    }

    default void migrationStarted(String revision, Direction direction, String from, String message) {
    }

    default void stepCompleted(String revision, int step, int stepsTotal, String description, Duration took) {
    }

    default void migrationCompleted(String revision, Direction direction, Duration took) {
    }

    /**
     * {@code upgrade}'s lint of a migration just before it runs is done (whatever its verdict),
     * having taken this long: reading the file, the catalog when a rule asked, and the rules.
     */
    default void migrationLinted(String revision, Duration took) {
    }

    /** A step waited too long for a lock and is tried again; the CLI prints {@link LockRetry#describe()}. */
    default void lockRetry(LockRetry retry) {
    }

    /** A batched statement made progress (at most every few seconds, and at its end). */
    default void batchProgress(BatchProgress progress) {
    }

    RunListener SILENT = new RunListener() {
    };
}
