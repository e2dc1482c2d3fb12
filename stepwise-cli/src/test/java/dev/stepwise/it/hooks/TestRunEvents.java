package dev.stepwise.it.hooks;

import dev.stepwise.run.RunEvents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The test-only hook on a run's event points (found through {@code META-INF/services} on the
 * test class path only).
 *
 * <p>In a child JVM, {@code STEPWISE_TEST_EVENTS=<file>} appends every event the run reaches to
 * the file (the list of points an uninterrupted run passes), and {@code STEPWISE_TEST_STOP_AT=<event>}
 * makes the run stop at that event: it writes {@code STEPWISE-STOPPED <event>} to stderr and
 * waits there forever, so the test can kill the process exactly at that point, as often as it
 * likes. In the test's own JVM, tests register a callback with {@link #onEvent}.
 */
public final class TestRunEvents implements RunEvents.Hook {

    public static final String STOPPED = "STEPWISE-STOPPED ";

    private static final List<Consumer<String>> CALLBACKS = new CopyOnWriteArrayList<>();

    /** Calls {@code callback} at every event point of runs in this JVM, until {@link #clear()}. */
    public static void onEvent(Consumer<String> callback) {
        CALLBACKS.add(callback);
    }

    public static void clear() {
        CALLBACKS.clear();
    }

    @Override
    public void reached(String event) {
        for (Consumer<String> callback : CALLBACKS) {
            callback.accept(event);
        }
        String log = System.getenv("STEPWISE_TEST_EVENTS");
        if (log != null) {
            try {
                Files.writeString(Path.of(log), event + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (event.equals(System.getenv("STEPWISE_TEST_STOP_AT"))) {
            System.err.println(STOPPED + event);
            System.err.flush();
            while (true) {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    // stay here until killed
                }
            }
        }
    }
}
