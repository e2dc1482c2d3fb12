package dev.stepwise.reliability.support;

import dev.stepwise.fault.Faults;
import dev.stepwise.fault.Guarantee;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The reliability suite's fault switch (registered in {@code META-INF/services} of this module's
 * test class path, so it exists nowhere else). A child JVM started by the suite reads the
 * guarantees to turn off from {@value #VARIABLE} (comma-separated {@link Guarantee} names); in
 * the suite's own JVM a test turns one off for a block with {@link #off}.
 */
public final class TestFaults implements Faults.Switch {

    /** Set on a child JVM's environment by the suite; means nothing without this class on the class path. */
    public static final String VARIABLE = "STEPWISE_TEST_FAULTS";

    private static final Set<Guarantee> IN_THIS_JVM = new CopyOnWriteArraySet<>();
    private static final Set<Guarantee> FROM_PARENT = parse(System.getenv(VARIABLE));

    /** Turns the guarantee off in this JVM until the returned handle is closed. */
    public static AutoCloseable off(Guarantee guarantee) {
        IN_THIS_JVM.add(guarantee);
        return () -> IN_THIS_JVM.remove(guarantee);
    }

    /** The environment value that turns the guarantees off in a child JVM. */
    public static String childValue(Guarantee... guarantees) {
        return String.join(",", Arrays.stream(guarantees).map(Guarantee::name).toList());
    }

    @Override
    public boolean disables(Guarantee guarantee) {
        return IN_THIS_JVM.contains(guarantee) || FROM_PARENT.contains(guarantee);
    }

    private static Set<Guarantee> parse(String value) {
        Set<Guarantee> off = EnumSet.noneOf(Guarantee.class);
        if (value != null && !value.isBlank()) {
            for (String name : value.split(",")) {
                off.add(Guarantee.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            }
        }
        return off;
    }
}
