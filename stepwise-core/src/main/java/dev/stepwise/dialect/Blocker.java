package dev.stepwise.dialect;

import java.time.Duration;

/**
 * A session that holds a lock a statement of the run waits for, as a sampler saw it.
 *
 * @param state       e.g. {@code active}, {@code idle in transaction}
 * @param query       its current or last statement, shortened; {@code <insufficient privilege>}
 *                    when the run's role may not read other roles' statements
 * @param transaction how long its transaction has been open (or its statement running), or null
 */
public record Blocker(int pid, String applicationName, String state, String query, Duration transaction,
                      Kind kind) {

    /** Who the blocker is. */
    public enum Kind {
        /** An ordinary client session. */
        SESSION,
        /** An autovacuum worker: PostgreSQL cancels it once a DDL statement waits past {@code deadlock_timeout}. */
        AUTOVACUUM,
        /** An autovacuum that prevents transaction-id wraparound: it never yields, so retrying is pointless. */
        WRAPAROUND_AUTOVACUUM
    }
}
