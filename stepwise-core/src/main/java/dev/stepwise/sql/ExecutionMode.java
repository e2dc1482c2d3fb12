package dev.stepwise.sql;

/** How a statement runs relative to its neighbours: in their transaction, or as a step of its own. */
public enum ExecutionMode {
    /** Runs inside the migration's transaction, with the statements around it. */
    TRANSACTIONAL,
    /**
     * A step of its own, in a transaction of its own that also records the step, so a crash can
     * never leave it done but unrecorded: {@code VALIDATE CONSTRAINT} (its scan must not hold the
     * lock of the statement before it), an enum value a later statement uses, and every statement
     * of a {@code transaction: none} migration that may run in a transaction block.
     */
    OWN_TRANSACTION,
    /**
     * Cannot run in a transaction block ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, ...):
     * a step of its own in autocommit, reconciled with what the database shows after a crash.
     */
    AUTOCOMMIT,
    /** An {@code UPDATE} or {@code DELETE} under {@code -- stepwise:batch}: a step of keyset batches, each its own transaction. */
    BATCHED;

    /** Whether the statement shares the transaction of its neighbours. */
    public boolean sharesTransaction() {
        return this == TRANSACTIONAL;
    }
}
