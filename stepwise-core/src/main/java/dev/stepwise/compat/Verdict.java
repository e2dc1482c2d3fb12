package dev.stepwise.compat;

/** What the pending expand migrations do to one statement of the running code. */
public enum Verdict {
    /** Prepares alike before and after. */
    OK("ok"),
    /** Its result only gains trailing columns: safe to read, a hazard for cached plans. */
    WARNING("warning"),
    /** It no longer prepares, or a result column or parameter changes name, type or modifier. */
    FAILURE("failure"),
    /** It does not prepare on the current schema either: not the migrations' doing. */
    ALREADY_FAILING("already failing"),
    /**
     * It prepares on the target but not on a replay of the target's applied migrations (the
     * target has objects the migration files do not make), so the effect of the pending ones is
     * not known.
     */
    NOT_JUDGED("not judged"),
    /** Not a statement to describe: a transaction or session statement ({@code BEGIN}, {@code SET}, {@code SHOW}). */
    SKIPPED("skipped");

    private final String word;

    Verdict(String word) {
        this.word = word;
    }

    /** How reports write it: {@code ok}, {@code warning}, {@code failure}, {@code already failing}, {@code not judged}, {@code skipped}. */
    public String word() {
        return word;
    }
}
