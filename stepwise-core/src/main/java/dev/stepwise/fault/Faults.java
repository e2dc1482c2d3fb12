package dev.stepwise.fault;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Asks whether a {@link Guarantee} has been turned off, which only a test can do: switches are
 * found through {@link ServiceLoader} on the class path, and none ships in any Stepwise artifact,
 * so in production every guarantee is on and no flag, variable or setting can change that.
 *
 * <p>The reliability suite puts a switch on its test class path to show that each of its
 * scenarios fails when the guarantee it checks is gone.
 */
public final class Faults {

    /** Turns guarantees off; implemented by test code only. */
    public interface Switch {
        boolean disables(Guarantee guarantee);
    }

    private static final List<Switch> SWITCHES = ServiceLoader.load(Switch.class, Faults.class.getClassLoader())
            .stream().map(ServiceLoader.Provider::get).toList();

    private Faults() {
    }

    /** Whether the guarantee is kept: always, unless a test switched it off. */
    public static boolean kept(Guarantee guarantee) {
        if (SWITCHES.isEmpty()) {
            return true;
        }
        for (Switch s : SWITCHES) {
            if (s.disables(guarantee)) {
                return false;
            }
        }
        return true;
    }
}
