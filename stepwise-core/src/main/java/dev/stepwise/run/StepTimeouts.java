package dev.stepwise.run;

import dev.stepwise.config.LockTimeouts;
import dev.stepwise.dialect.Timeouts;
import dev.stepwise.sql.LockImpact;

/**
 * The timeouts each step attempt runs under, from the configured lock timeouts: a short lock
 * timeout that escalates across retries for steps whose locks queue traffic, and a long one,
 * bounded by the statement budget, for steps that take SHARE UPDATE EXCLUSIVE at most.
 */
final class StepTimeouts {

    /** How a step waits for its locks. */
    enum Policy {
        /** Short, escalating lock timeout; the attempt bounded by {@code attempt_timeout}; retried. */
        SHORT,
        /**
         * Long lock timeout bounded by {@code statement_budget}: a short one would abort a
         * concurrent index build behind any older transaction and leave an INVALID index.
         */
        LONG;

        static Policy of(LockImpact lock) {
            return lock == LockImpact.SHARE_UPDATE_EXCLUSIVE ? LONG : SHORT;
        }
    }

    private final LockTimeouts config;
    private final boolean serverBoundsTransactions;

    StepTimeouts(LockTimeouts config, boolean serverBoundsTransactions) {
        this.config = config;
        this.serverBoundsTransactions = serverBoundsTransactions;
    }

    /** What the work session is set to between steps: a first attempt of a short step. */
    Timeouts sessionDefault() {
        return attempt(Policy.SHORT, 1);
    }

    /** The timeouts of attempt {@code n} (1-based) of a step with this policy. */
    Timeouts attempt(Policy policy, int n) {
        if (policy == Policy.LONG) {
            return new Timeouts(config.statementBudget(), config.statementBudget(),
                    serverBoundsTransactions ? config.statementBudget() : null);
        }
        return new Timeouts(config.lockTimeoutOfAttempt(n), config.attemptTimeout(),
                serverBoundsTransactions ? config.attemptTimeout() : null);
    }

    /** How long one attempt of a step with this policy may keep its transaction open. */
    java.time.Duration attemptBound(Policy policy) {
        return policy == Policy.LONG ? config.statementBudget() : config.attemptTimeout();
    }

    /** Whether the server enforces {@link #attemptBound}; else the runner's own deadline does. */
    boolean serverBoundsTransactions() {
        return serverBoundsTransactions;
    }

    LockTimeouts config() {
        return config;
    }
}
