package dev.stepwise.postgres.lint;

import dev.stepwise.lint.TableSize;

import java.time.Duration;

/**
 * Rough durations of the work a statement does under its lock, from the table's size on disk and
 * assumed rates (a table in cache, an idle machine): enough to tell a second from a minute, and
 * said to be rough. A cold cache or a busy disk makes everything slower.
 */
public final class Estimates {

    /** Reading the heap: a sequential scan or a validating scan. */
    public static final long SCAN = 400L * 1024 * 1024;
    /** Writing the heap again with its indexes: a rewrite. */
    public static final long REWRITE = 60L * 1024 * 1024;
    /** Reading and sorting for an index build. */
    public static final long INDEX_BUILD = 100L * 1024 * 1024;
    /** Changing rows one by one: an UPDATE or DELETE of many of them. */
    public static final long ROW_CHANGES = 40L * 1024 * 1024;

    private Estimates() {
    }

    /** {@code "; roughly 12 s for its 120,000 rows, 14 MB"} where the size is known, else empty. */
    public static String of(TableView table, long bytesPerSecond) {
        TableSize size = table.size();
        if (table.isNew() || size.bytes() <= 0 || size.kind() == TableSize.Kind.UNKNOWN) {
            return "";
        }
        Duration d = Duration.ofMillis(Math.max(1, size.bytes() * 1000 / bytesPerSecond));
        return "; roughly " + human(d) + " for its " + size.describe();
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 120_000) {
            return Math.round(ms / 1000.0) + " s";
        }
        return Math.round(ms / 60_000.0) + " min";
    }
}
