package dev.stepwise.dialect;

import java.time.Duration;

/**
 * The server-side bounds one step attempt runs under.
 *
 * @param lockTimeout        longest wait for any one lock
 * @param statementTimeout   longest any one statement may run
 * @param transactionTimeout longest the attempt's transaction may stay open, or null where the
 *                           server cannot enforce it (PostgreSQL before 17: the runner's own
 *                           deadline does)
 */
public record Timeouts(Duration lockTimeout, Duration statementTimeout, Duration transactionTimeout) {

    /** For how long settings apply. */
    public enum Scope {
        /** Until changed again on the session. */
        SESSION,
        /** Until the current transaction ends. */
        TRANSACTION
    }
}
