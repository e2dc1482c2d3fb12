package dev.stepwise.history;

/** How an attempt at a step ended, as stored in the history table. */
public enum Outcome {
    /** Started and not finished yet, or its runner was killed (until a later run marks it interrupted). */
    RUNNING("running"),
    SUCCESS("success"),
    FAILED("failed"),
    /** Found running by a later run: the runner that started it is gone. */
    INTERRUPTED("interrupted"),
    /** Applied although a safety check said no, because the user forced it. */
    UNSAFE_FORCED("unsafe-forced");

    private final String word;

    Outcome(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    /** Whether the attempt did its work: successfully, or forced past a safety check. */
    public boolean succeeded() {
        return this == SUCCESS || this == UNSAFE_FORCED;
    }

    public static Outcome of(String word) {
        for (Outcome o : values()) {
            if (o.word.equals(word)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown outcome " + word);
    }
}
