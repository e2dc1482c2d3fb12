package dev.stepwise.config;

import java.time.Duration;

/**
 * How long statements may wait for locks and hold them, and how the runner retries a statement
 * that waited too long (PRODUCT.md, "Lock timeouts").
 *
 * @param first           the lock timeout of a statement that queues traffic, on its first attempt
 * @param max             the cap it doubles up to across retries; above {@code deadlock_timeout}
 *                        (1 s by default), so PostgreSQL gets to cancel a blocking autovacuum
 * @param retryBudget     how long one step may keep retrying before the run gives up
 * @param retryBackoff    the pause after the first failed attempt; it doubles, up to {@code max},
 *                        with jitter
 * @param statementBudget the bound of statements that block no traffic while they wait
 *                        (concurrent index builds, {@code VALIDATE}) and of long steps
 * @param attemptTimeout  the bound of one attempt of a step that queues traffic: how long its
 *                        transaction may stay open
 */
public record LockTimeouts(Duration first, Duration max, Duration retryBudget, Duration retryBackoff,
                           Duration statementBudget, Duration attemptTimeout) {

    public static final LockTimeouts DEFAULT = new LockTimeouts(Duration.ofMillis(100), Duration.ofSeconds(2),
            Duration.ofMinutes(3), Duration.ofMillis(100), Duration.ofHours(1), Duration.ofMinutes(5));

    public LockTimeouts {
        require(first, "lock_timeout");
        require(max, "lock_timeout_max");
        require(statementBudget, "statement_budget");
        require(attemptTimeout, "attempt_timeout");
        if (retryBudget.isNegative()) {
            throw new ConfigException("lock_retry_budget must not be negative");
        }
        if (retryBackoff.isNegative()) {
            throw new ConfigException("lock_retry_backoff must not be negative");
        }
        if (max.compareTo(first) < 0) {
            throw new ConfigException("lock_timeout_max (" + DurationText.format(max)
                    + ") must not be shorter than lock_timeout (" + DurationText.format(first) + ")");
        }
    }

    private static void require(Duration d, String key) {
        if (d.isNegative() || d.isZero()) {
            throw new ConfigException(key + " must be longer than 0 (0 would mean no bound at all)");
        }
    }

    /** The lock timeout of attempt {@code n} (1-based): {@code first}, doubling, capped at {@code max}. */
    public Duration lockTimeoutOfAttempt(int n) {
        Duration d = first;
        for (int i = 1; i < n && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
