package dev.stepwise.run;

import java.time.Duration;

/** Waits; injected so retries and polling are tested in milliseconds without real sleeps. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());
}
