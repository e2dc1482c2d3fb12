package dev.stepwise.lint;

/**
 * Whether a migration's {@code +down} gives back what its {@code +up} took.
 *
 * @param reason for {@link Kind#LOSSY}, what the down destroys; else empty
 */
public record DownVerdict(Kind kind, String reason) {

    public enum Kind {
        /** It undoes the up and destroys nothing that was there before it. */
        REVERSIBLE("reversible"),
        /** It destroys data that existed before the up, or data the up moved. */
        LOSSY("lossy"),
        /** There is none. */
        MISSING("missing");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public static final DownVerdict REVERSIBLE = new DownVerdict(Kind.REVERSIBLE, "");
    public static final DownVerdict MISSING = new DownVerdict(Kind.MISSING, "");

    public static DownVerdict lossy(String reason) {
        return new DownVerdict(Kind.LOSSY, reason);
    }
}
