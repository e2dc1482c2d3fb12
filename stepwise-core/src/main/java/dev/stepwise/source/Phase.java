package dev.stepwise.source;

/** When a migration may run relative to the code deploy. */
public enum Phase {
    /** Additive; safe while the old code runs. The default. */
    EXPAND,
    /** Removes what the old code used; runs after the deploy. */
    CONTRACT;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
