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
 * likes. {@code STEPWISE_TEST_PAUSE_AT=<event>} with {@code STEPWISE_TEST_CONTINUE=<file>} pauses
 * the first time the run reaches the event instead ({@code STEPWISE-PAUSED <event>} on stderr)
 * and goes on once the file exists, so the test can act on the database (end a backend, restart
 * the server) at that point and then watch what the run does. In the test's own JVM, tests
 * register a callback with {@link #onEvent}.
 */
public final class TestRunEvents implements RunEvents.Hook {

    public static final String STOPPED = "STEPWISE-STOPPED ";
    public static final String PAUSED = "STEPWISE-PAUSED ";

    private static final List<Consumer<String>> CALLBACKS = new CopyOnWriteArrayList<>();

    private boolean paused;

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
        if (!paused && event.equals(System.getenv("STEPWISE_TEST_PAUSE_AT"))) {
            paused = true;
            pauseUntilTold(event, Path.of(System.getenv("STEPWISE_TEST_CONTINUE")));
        }
    }

    private static void pauseUntilTold(String event, Path go) {
        System.err.println(PAUSED + event);
        System.err.flush();
        // the child's own wait for the test's word; the test itself never sleeps to synchronise
        while (!Files.exists(go)) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
