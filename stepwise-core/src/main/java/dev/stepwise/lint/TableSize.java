package dev.stepwise.lint;

/**
 * How big a table is, as far as the linter can tell.
 *
 * @param bytes its size on disk, or -1 when not known
 * @param rows  its row count from its statistics, or -1 when it was never analysed (or not known)
 */
public record TableSize(Kind kind, long bytes, long rows) {

    /** Whether locking it for a while matters. */
    public enum Kind {
        /** Below the threshold (or empty): a strong lock on it is over before anyone notices. */
        SMALL,
        /** Above it: the message says how big, and how long. */
        LARGE,
        /** Not known: the rule's own severity stands. */
        UNKNOWN
    }

    public static final TableSize UNKNOWN = new TableSize(Kind.UNKNOWN, -1, -1);
    public static final TableSize EMPTY = new TableSize(Kind.SMALL, 0, 0);

    /** Rows at which a table counts as large ({@code 10,000}, PRODUCT.md's checklist). */
    public static final long ROW_THRESHOLD = 10_000;
    /** Bytes at which it counts as large ({@code 10 MB}). */
    public static final long BYTE_THRESHOLD = 10L * 1024 * 1024;
    /** A heap of a few pages is small whatever its statistics say. */
    public static final long FEW_PAGES = 8L * 8192;

    /**
     * Judges a table from its size on disk first, then its statistics where it was analysed: a
     * heap of a few pages is small; one at the byte threshold is large; otherwise its row count
     * decides when it has one, and a heap with no statistics is of unknown size, not small.
     */
    public static TableSize judge(long bytes, long rows) {
        return judge(bytes, rows, ROW_THRESHOLD, BYTE_THRESHOLD);
    }

    private static TableSize judge(long bytes, long rows, long rowThreshold, long byteThreshold) {
        if (bytes >= 0 && bytes <= FEW_PAGES && bytes < byteThreshold) {
            return new TableSize(Kind.SMALL, bytes, Math.max(rows, 0));
        }
        if (bytes >= byteThreshold) {
            return new TableSize(Kind.LARGE, bytes, rows);
        }
        if (rows > 0) {
            return new TableSize(rows >= rowThreshold ? Kind.LARGE : Kind.SMALL, bytes, rows);
        }
        return new TableSize(Kind.UNKNOWN, bytes, -1);
    }

    /**
     * This size judged again by other thresholds (a table judged small for being a few pages
     * stays small). An unknown size that was never measured stays unknown.
     */
    public TableSize judgedBy(Checklist checklist) {
        if (bytes < 0 && rows < 0) {
            return this;
        }
        return judge(bytes, rows, checklist.largeTableRows(), checklist.largeTableBytes());
    }

    /** How it reads in a message: {@code 120,000 rows, 14 MB}. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (rows >= 0) {
            s.append(String.format(java.util.Locale.ROOT, "%,d rows", rows));
        }
        if (bytes >= 0) {
            s.append(s.length() > 0 ? ", " : "").append(megabytes(bytes));
        }
        return s.length() == 0 ? "size unknown" : s.toString();
    }

    static String megabytes(long bytes) {
        if (bytes == 0) {
            return "empty";
        }
        if (bytes < 1024 * 1024) {
            return Math.max(1, bytes / 1024) + " kB";
        }
        return String.format(java.util.Locale.ROOT, "%,d MB", bytes / (1024 * 1024));
    }
}
