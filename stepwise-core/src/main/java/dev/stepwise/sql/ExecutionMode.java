package dev.stepwise.sql;

/** Whether a statement may share a transaction with its neighbours. */
public enum ExecutionMode {
    /** Runs inside the migration's transaction. */
    TRANSACTIONAL,
    /**
     * Cannot (or should not) run in a transaction block, e.g. {@code CREATE INDEX CONCURRENTLY}:
     * runs in autocommit as a step of its own.
     */
    AUTOCOMMIT
}
