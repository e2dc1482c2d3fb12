package dev.stepwise.reliability.support;

import dev.stepwise.it.ChildRun;
import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Poll;
import dev.stepwise.it.hooks.TestRunEvents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A runner in a child JVM held at one event point by the test-only hook ({@link TestRunEvents}):
 * either stopped there for good (to be killed exactly at that point) or paused until the test
 * lets it go on (to act on the database meanwhile and watch what the run does next).
 */
public final class EventPointRun {

    /** How long a runner may take to reach its point: generous, a slow CI machine is not a failure. */
    private static final Duration REACH = Duration.ofSeconds(90);

    private final ChildRun child;
    private final String event;
    private final String marker;
    private final Path go;

    private EventPointRun(ChildRun child, String event, String marker, Path go) {
        this.child = child;
        this.event = event;
        this.marker = marker;
        this.go = go;
    }

    /** Starts {@code stepwise args} to stop for good at {@code event}. */
    public static EventPointRun stopAt(Cli cli, Path logs, String event, String... args) {
        ChildRun child = cli.env("STEPWISE_TEST_STOP_AT", event).start(logs, args);
        return new EventPointRun(child, event, TestRunEvents.STOPPED + event, null);
    }

    /** Starts {@code stepwise args} to pause at {@code event} until {@link #proceed()}. */
    public static EventPointRun pauseAt(Cli cli, Path logs, String event, String... args) {
        return pauseAt(cli, logs, event, goFlag(logs), args);
    }

    /**
     * Starts {@code stepwise args} to pause at {@code event} until the file {@code go} exists:
     * several runners given the same file go on together.
     */
    public static EventPointRun pauseAt(Cli cli, Path logs, String event, Path go, String... args) {
        ChildRun child = cli.env("STEPWISE_TEST_PAUSE_AT", event).env("STEPWISE_TEST_CONTINUE", go.toString())
                .start(logs, args);
        return new EventPointRun(child, event, TestRunEvents.PAUSED + event, go);
    }

    /** A file name under {@code logs} that does not exist yet: creating it lets runners paused on it go on. */
    public static Path goFlag(Path logs) {
        try {
            Files.createDirectories(logs);
            Path go = Files.createTempFile(logs, "go", ".flag");
            Files.delete(go);
            return go;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the runner is at its point; false when it ended without reaching it (then
     * {@link #finish} tells how it ended).
     */
    public boolean awaitPoint() {
        Poll.until("the runner to reach '" + event + "'", REACH, () -> atPoint() || !child.process().isAlive());
        return atPoint();
    }

    /**
     * For a runner that ended without reaching its point: {@link ScenarioReport#NOT_REACHED} when
     * it succeeded (the point was not on this run's path), otherwise what went wrong.
     */
    public String missed(String what, Duration limit) {
        CliRun run = finish(limit);
        return run.exitCode() == 0 ? ScenarioReport.NOT_REACHED : what + ": the runner failed before it got there: " + run;
    }

    public boolean atPoint() {
        return stderr().contains(marker);
    }

    /** Lets a paused runner go on. */
    public void proceed() {
        if (Files.exists(go)) {
            return;
        }
        try {
            Files.createFile(go);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void kill() {
        child.kill();
    }

    public boolean alive() {
        return child.process().isAlive();
    }

    public CliRun finish(Duration limit) {
        return child.finish(limit);
    }

    public ChildRun child() {
        return child;
    }

    public String stderr() {
        try {
            return Files.readString(child.err());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
