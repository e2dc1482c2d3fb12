package dev.stepwise.history;

/** What a history row records. */
public enum Action {
    /** A migration's {@code +up} (or one of its steps). */
    UP("up"),
    /** A migration's {@code +down} (or one of its steps). */
    DOWN("down"),
    /** The version table was set without running anything. */
    STAMP("stamp"),
    /** {@code repair} re-recorded a checksum or closed a partial attempt. */
    REPAIR("repair");

    private final String word;

    Action(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Action of(String word) {
        for (Action a : values()) {
            if (a.word.equals(word)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown history action " + word);
    }
}
