package dev.stepwise.run;

import dev.stepwise.StepwiseException;
import dev.stepwise.config.DurationText;
import dev.stepwise.dialect.RunLock;

import java.time.Duration;

/** Another runner held the run lock for longer than {@code lock_wait}. */
public final class LockNotAcquiredException extends StepwiseException {

    private final RunLock.LockHolder holder;
    private final Duration waited;

    public LockNotAcquiredException(RunLock.LockHolder holder, Duration waited) {
        super(Category.FAILED, "gave up waiting for the run lock after " + DurationText.format(waited)
                + (holder == null ? " (the holder could not be seen)"
                : ": held by pid " + holder.pid() + " (application_name '" + holder.applicationName()
                + "', connected since " + holder.since() + ")")
                + "; another upgrade is running, or raise lock_wait");
        this.holder = holder;
        this.waited = waited;
    }

    public RunLock.LockHolder holder() {
        return holder;
    }

    public Duration waited() {
        return waited;
    }
}
