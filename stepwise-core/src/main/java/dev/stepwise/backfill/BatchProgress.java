package dev.stepwise.backfill;

import java.time.Duration;

/**
 * Where a batched statement has got to.
 *
 * @param revision      the migration
 * @param table         the table it walks
 * @param pass          0 for the walk over the keys present at the start, 1 to 3 for the
 *                      catch-up passes over rows that still match
 * @param keysDone      primary keys walked in this pass
 * @param keysTotal     the table's estimated row count from its statistics, or -1 when unknown
 * @param rowsChanged   rows the statement changed so far, all passes together
 * @param batches       batches committed so far
 * @param elapsed       time since the statement started (in this run)
 * @param finished      whether this is the last report
 */
public record BatchProgress(String revision, String table, int pass, long keysDone, long keysTotal,
                            long rowsChanged, long batches, Duration elapsed, boolean finished) {

    /** Rows changed per second so far. */
    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rowsChanged / seconds;
    }

    /** The estimated time left in this pass, or null when the table's size is unknown. */
    public Duration eta() {
        if (keysTotal <= 0 || keysDone <= 0 || keysDone >= keysTotal) {
            return keysTotal > 0 && keysDone >= keysTotal ? Duration.ZERO : null;
        }
        double perKey = (double) elapsed.toNanos() / keysDone;
        return Duration.ofNanos((long) (perKey * (keysTotal - keysDone)));
    }
}
