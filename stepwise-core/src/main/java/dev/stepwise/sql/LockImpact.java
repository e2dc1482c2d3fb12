package dev.stepwise.sql;

/**
 * How much a statement's locks hold up other sessions while it waits for them or runs, which
 * decides the lock timeout the runner gives it (see "The lock queue" in the reference).
 */
public enum LockImpact {
    /**
     * SHARE or stronger on an existing relation, or not known to be weaker: while it waits, every
     * later conflicting request (plain reads included, for ACCESS EXCLUSIVE) queues behind it. Runs
     * under a short lock timeout that escalates across retries.
     */
    QUEUES_TRAFFIC,
    /**
     * SHARE UPDATE EXCLUSIVE at most (concurrent index builds, {@code VALIDATE CONSTRAINT},
     * {@code VACUUM}): blocks other DDL and autovacuum but no reads or writes. A short lock
     * timeout would abort a concurrent build behind any older transaction, so it waits long,
     * bounded by the statement budget.
     */
    SHARE_UPDATE_EXCLUSIVE,
    /**
     * Only locks that ordinary traffic does not conflict with: reads, inserts, updates, deletes,
     * and the creation of objects nobody uses yet. Waits long, bounded by the statement budget.
     */
    MINOR;

    /** The stronger of two impacts. */
    public LockImpact max(LockImpact other) {
        return ordinal() <= other.ordinal() ? this : other;
    }
}
