package dev.stepwise.reliability.crash;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.reliability.history.Aftermath;
import dev.stepwise.reliability.history.RealisticHistory;
import dev.stepwise.reliability.support.EventPointRun;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One crash: {@code upgrade head} in a child JVM, killed with SIGKILL at an event point (or a
 * moment after it, while the run goes on), then {@code upgrade head} again, and the aftermath
 * checked against an uninterrupted run's.
 */
final class CrashTrial {

    private static final Duration FINISH = Duration.ofSeconds(120);

    private final RealisticHistory history;
    private final Map<String, String> childEnv;

    /** {@code childEnv} goes to the killed runner only (a fault switch, for the fault test). */
    CrashTrial(RealisticHistory history, Map<String, String> childEnv) {
        this.history = history;
        this.childEnv = Map.copyOf(childEnv);
    }

    /**
     * Runs the trial; returns what went wrong, or null. With {@code after} null the runner is
     * killed exactly at {@code event}; otherwise it is let go on there and killed {@code after} later.
     */
    String run(Path logs, String event, Duration after) {
        TestDatabase db = TestPostgres.server().newDatabase();
        Cli cli = history.cli(db);
        childEnv.forEach(cli::env);
        String what = "killed " + (after == null ? "at" : after.toMillis() + " ms after") + " '" + event + "'";
        EventPointRun runner = after == null
                ? EventPointRun.stopAt(cli, logs, event, "upgrade", "head")
                : EventPointRun.pauseAt(cli, logs, event, "upgrade", "head");
        if (!runner.awaitPoint()) {
            return runner.missed(what, FINISH);
        }
        if (after != null) {
            runner.proceed();
            pause(after);
        }
        runner.kill();

        CliRun next = history.cli(db).run("upgrade", "head");
        if (next.exitCode() != 0) {
            return what + ", the next upgrade failed: " + next;
        }
        List<String> problems = Aftermath.problems(db, history.endState());
        return problems.isEmpty() ? null : what + ", then: " + String.join("; ", problems);
    }

    /** The random moment of a kill (not a synchronisation: any moment must do). */
    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
