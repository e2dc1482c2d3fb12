package dev.stepwise.run;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.Blocker;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * A step kept waiting for a lock until the retry budget was spent, or its blocker never yields
 * (an anti-wraparound autovacuum). The step's transaction was rolled back each time.
 */
public final class LockRetryExhaustedException extends StepwiseException {

    private final int attempts;
    private final List<Blocker> blockers;

    LockRetryExhaustedException(String revision, String where, String statement, int attempts, Duration used,
                                List<Blocker> blockers, String why, SQLException cause) {
        this(where + ": revision " + revision + ": gave up waiting for a lock after " + attempts
                + " attempt" + (attempts == 1 ? "" : "s") + " in " + BlockerText.seconds(used) + " (" + why + ") on `"
                + statement + "`; " + BlockerText.describe(blockers), attempts, blockers, cause);
    }

    private LockRetryExhaustedException(String message, int attempts, List<Blocker> blockers, Throwable cause) {
        super(Category.FAILED, message, cause);
        this.attempts = attempts;
        this.blockers = List.copyOf(blockers);
    }

    /** The same failure, saying what of the migration was kept and what the next run does. */
    LockRetryExhaustedException withAftermath(String aftermath) {
        return new LockRetryExhaustedException(getMessage() + "; " + aftermath, attempts, blockers, getCause());
    }

    public int attempts() {
        return attempts;
    }

    public List<Blocker> blockers() {
        return blockers;
    }
}
