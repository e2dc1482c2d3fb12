package dev.stepwise.it;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for evidence rather than for time: asks again every few milliseconds until the answer is
 * there, and fails the test with what it was waiting for when it does not come within the limit.
 */
public final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(10);

    private Poll() {
    }

    public static <T> T until(String what, Duration limit, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            Optional<T> answer = probe.get();
            if (answer.isPresent()) {
                return answer.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up after " + limit + " waiting for " + what);
            }
            try {
                Thread.sleep(INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) {
        until(what, limit, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }
}
