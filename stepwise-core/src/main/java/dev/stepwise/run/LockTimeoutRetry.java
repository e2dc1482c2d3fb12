package dev.stepwise.run;

import dev.stepwise.dialect.Blocker;
import dev.stepwise.dialect.ErrorKind;
import dev.stepwise.dialect.Timeouts;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs attempts of one step until one gets its locks: after a lock timeout (or a deadlock the
 * server broke) it reports who blocked the statement, waits with exponential backoff and jitter,
 * and tries again with a doubled lock timeout, capped; when the retry budget would be spent, or
 * the blocker is an anti-wraparound autovacuum that never yields, it gives up. The one place
 * where lock waits are retried.
 */
final class LockTimeoutRetry {

    /** One attempt of a step; it rolls back its own transaction when it fails. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(int attempt, Timeouts timeouts) throws SQLException;
    }

    /** The statement the failed attempt was running when it failed, for the report. */
    interface Culprit {
        String revision();

        String where();

        String statement();
    }

    private final RunEnvironment env;
    private final StepTimeouts timeouts;
    private final WorkWatcher watcher;

    LockTimeoutRetry(RunEnvironment env, StepTimeouts timeouts, WorkWatcher watcher) {
        this.env = env;
        this.timeouts = timeouts;
        this.watcher = watcher;
    }

    <T> T run(StepTimeouts.Policy policy, Culprit culprit, Attempt<T> attempt) throws SQLException {
        Instant start = env.clock().instant();
        Duration budget = timeouts.config().retryBudget();
        for (int n = 1; ; n++) {
            Timeouts current = timeouts.attempt(policy, n);
            try {
                return attempt.run(n, current);
            } catch (SQLException e) {
                ErrorKind kind = env.dialect().errorKind(e);
                boolean retryable = kind == ErrorKind.LOCK_TIMEOUT || kind == ErrorKind.DEADLOCK;
                if (!retryable || policy == StepTimeouts.Policy.LONG) {
                    throw e;
                }
                List<Blocker> blockers = watcher.lastBlockers();
                Duration used = Duration.between(start, env.clock().instant());
                if (blockers.stream().anyMatch(b -> b.kind() == Blocker.Kind.WRAPAROUND_AUTOVACUUM)) {
                    throw new LockRetryExhaustedException(culprit.revision(), culprit.where(), culprit.statement(), n,
                            used, blockers, "an anti-wraparound autovacuum holds the table and never yields;"
                            + " let it finish, then run again", e);
                }
                Duration pause = backoff(n);
                if (used.plus(pause).compareTo(budget) >= 0) {
                    throw new LockRetryExhaustedException(culprit.revision(), culprit.where(), culprit.statement(), n,
                            used, blockers, "lock_retry_budget " + BlockerText.seconds(budget) + " spent", e);
                }
                env.listener().lockRetry(new LockRetry(culprit.revision(), culprit.where(), culprit.statement(), n,
                        current.lockTimeout(), timeouts.attempt(policy, n + 1).lockTimeout(), pause, used, budget,
                        blockers, kind == ErrorKind.DEADLOCK));
                sleep(pause);
            }
        }
    }

    /**
     * The pause after failed attempt {@code n}: the configured backoff doubling per attempt up to
     * the lock-timeout cap, then "equal jitter" (half fixed, half random), so runners that failed
     * together do not return together.
     */
    Duration backoff(int n) {
        Duration base = timeouts.config().retryBackoff();
        Duration cap = timeouts.config().max();
        for (int i = 1; i < n && base.compareTo(cap) < 0; i++) {
            base = base.multipliedBy(2);
        }
        if (base.compareTo(cap) > 0) {
            base = cap;
        }
        long half = base.toMillis() / 2;
        return Duration.ofMillis(half + (half == 0 ? 0 : env.random().nextLong(half + 1)));
    }

    private void sleep(Duration pause) {
        try {
            env.sleeper().sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.stepwise.StepwiseException(dev.stepwise.StepwiseException.Category.FAILED,
                    "interrupted while waiting to retry a lock");
        }
    }
}
