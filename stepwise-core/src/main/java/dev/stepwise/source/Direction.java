package dev.stepwise.source;

/** Which section of a migration runs. */
public enum Direction {
    UP, DOWN;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
