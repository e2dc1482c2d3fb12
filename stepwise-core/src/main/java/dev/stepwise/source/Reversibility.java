package dev.stepwise.source;

/** The {@code reversible:} header: what the {@code +down} section promises. */
public enum Reversibility {
    /** The down section restores the schema and the data (the default). */
    YES,
    /** The down section runs but loses data. */
    LOSSY,
    /** There is no down section. */
    NO;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
