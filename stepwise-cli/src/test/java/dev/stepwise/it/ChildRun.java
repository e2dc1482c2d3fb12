package dev.stepwise.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** A {@code stepwise} command running in a child JVM, with its output captured in files. */
public record ChildRun(Process process, Path out, Path err) {

    /** Every child started, so a test that fails half-way leaves no runner behind. */
    private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

    public ChildRun {
        STARTED.add(process);
    }

    /** Kills every child still running; for {@code @AfterEach}. */
    public static void killLeftovers() {
        STARTED.removeIf(p -> {
            p.destroyForcibly();
            return true;
        });
    }

    /** Waits for the process to exit; a process still running after {@code limit} is killed and fails the test. */
    public CliRun finish(Duration limit) {
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("stepwise did not finish within " + limit + "\n" + output(-1));
            }
            return output(process.exitValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Kills the process the way {@code kill -9} would: no shutdown hook, no socket goodbye. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public long pid() {
        return process.pid();
    }

    private CliRun output(int code) {
        try {
            return new CliRun(code, Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
