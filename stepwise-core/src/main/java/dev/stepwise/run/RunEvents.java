package dev.stepwise.run;

import java.util.List;
import java.util.ServiceLoader;

/**
 * The points of a run where a test may stop it: before and after each step, after each batch,
 * just before a commit. Production code only names them; hooks found through
 * {@link ServiceLoader} (test code only) hear them, so a test can kill a real runner process at
 * exactly the point it chose and replay the same point again.
 */
public final class RunEvents {

    /** Hears every event point a run reaches. */
    public interface Hook {
        /** Called on the run's thread; may block (a test kills the process meanwhile). */
        void reached(String event);
    }

    public static final RunEvents NONE = new RunEvents(List.of());

    private final List<Hook> hooks;

    private RunEvents(List<Hook> hooks) {
        this.hooks = List.copyOf(hooks);
    }

    /** The hooks on the class path of the given loader (none in production). */
    public static RunEvents discover(ClassLoader loader) {
        List<Hook> found = ServiceLoader.load(Hook.class, loader).stream().map(ServiceLoader.Provider::get).toList();
        return found.isEmpty() ? NONE : new RunEvents(found);
    }

    /**
     * An event point, named {@code <what> <revision> [<step> [<batch or statement>]]}, e.g.
     * {@code before-step b2 3}, {@code statement b2 3 2} (the second statement of a transactional
     * step, about to run), {@code batch b2 5 3} or {@code before-commit b2}.
     */
    public void reach(String event) {
        for (Hook hook : hooks) {
            hook.reached(event);
        }
    }

    public boolean isEmpty() {
        return hooks.isEmpty();
    }
}
