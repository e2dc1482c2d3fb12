package dev.stepwise.run;

import dev.stepwise.dialect.Blocker;

import java.time.Duration;
import java.util.List;

/**
 * One failed attempt of a step that waited too long for a lock, and what happens next.
 *
 * @param revision    the migration
 * @param where       file and line of the statement that waited
 * @param statement   that statement, shortened to one line
 * @param attempt     which attempt failed (1-based)
 * @param lockTimeout the lock timeout the attempt had
 * @param next        the lock timeout of the next attempt
 * @param pause       how long the runner waits before it
 * @param used        time spent on this step's attempts so far
 * @param budget      the retry budget
 * @param blockers    who held the lock, as the sampler saw them while the statement waited
 * @param deadlock    whether the server broke a deadlock rather than a lock timeout firing
 */
public record LockRetry(String revision, String where, String statement, int attempt, Duration lockTimeout,
                        Duration next, Duration pause, Duration used, Duration budget, List<Blocker> blockers,
                        boolean deadlock) {

    public LockRetry {
        blockers = List.copyOf(blockers);
    }

    /** The run's one line about it. */
    public String describe() {
        return (deadlock ? "deadlock" : "lock timeout " + BlockerText.seconds(lockTimeout)) + " at " + where
                + " (" + statement + "); " + BlockerText.describe(blockers) + "; attempt " + (attempt + 1) + " in "
                + BlockerText.seconds(pause) + " with lock_timeout " + BlockerText.seconds(next) + " ("
                + BlockerText.seconds(used) + " of the " + BlockerText.seconds(budget) + " retry budget used)";
    }
}
