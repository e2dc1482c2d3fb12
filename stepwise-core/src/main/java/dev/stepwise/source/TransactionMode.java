package dev.stepwise.source;

/** The {@code transaction:} header: who decides which statements share a transaction. */
public enum TransactionMode {
    /** The runner decides per statement (the default). */
    AUTO,
    /** Every statement runs in autocommit. */
    NONE;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
