package dev.stepwise.reliability.support;

import java.util.Random;

/**
 * How much of the suite runs: the reduced run in {@code mvn -B verify}, or the full one with
 * {@code -Dstepwise.reliability=full}; and the seed every random choice of a scenario comes
 * from, printed so a failure can be replayed with {@code -Dstepwise.reliability.seed=N}.
 */
public final class Reliability {

    private Reliability() {
    }

    public static boolean full() {
        return "full".equalsIgnoreCase(System.getProperty("stepwise.reliability", "reduced"));
    }

    /** The run's size: {@code reduced} in {@code mvn verify}, {@code full} with the flag. */
    public static int trials(int reduced, int full) {
        return full() ? full : reduced;
    }

    public static String mode() {
        return full() ? "full" : "reduced";
    }

    /** The seed of one scenario: the one asked for, or a new one; printed either way. */
    public static long seed(String scenario) {
        String given = System.getProperty("stepwise.reliability.seed");
        long seed = given != null ? Long.parseLong(given) : new Random().nextLong();
        System.out.println(scenario + ": seed " + seed + " (replay: -Dstepwise.reliability.seed=" + seed
                + (full() ? " -Dstepwise.reliability=full" : "") + ")");
        return seed;
    }
}
