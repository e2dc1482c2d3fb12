package dev.stepwise.fault;

/**
 * The guarantees the reliability suite proves it would notice losing. Each names the one place
 * in production code that keeps it; a test-only {@link Faults.Switch} can turn it off there, so
 * the suite can show its scenario fails without it.
 */
public enum Guarantee {
    /** A completed step is recorded as done in the transaction that commits it (or right after it, outside one). */
    STEP_RECORD,
    /** A step interrupted outside a transaction is read back before it runs again: an INVALID index is found and removed. */
    INVALID_INDEX_CHECK,
    /** One runner at a time: the run lock is taken before anything changes. */
    RUN_LOCK,
    /** Before each step and each commit, the runner checks it still holds the run lock. */
    LOCK_CHECK,
    /** A byte-order mark and CRLF line endings read exactly like the same file without them. */
    LINE_ENDINGS,
    /** Every identifier rendered into SQL is quoted where PostgreSQL would otherwise read it differently. */
    IDENTIFIER_QUOTING,
    /** A derived name longer than PostgreSQL's 63 bytes is shortened with a hash, so two never collide. */
    DERIVED_NAME_LENGTH,
    /** Passwords are removed from URLs and from every text Stepwise prints or records. */
    SECRET_REDACTION,
    /** A large migration file is read as it runs, never held in memory whole. */
    STREAMED_PLANS
}
