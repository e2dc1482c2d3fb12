package dev.stepwise.reliability.concurrency;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.LockHolder;
import dev.stepwise.it.Poll;
import dev.stepwise.reliability.history.Aftermath;
import dev.stepwise.reliability.history.RealisticHistory;
import dev.stepwise.reliability.support.EventPointRun;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The three kinds of trial of the concurrent-runners scenario, each returning what went wrong or null. */
final class ConcurrencyTrial {

    static final int RUNNERS = 8;
    /** Far beyond any wait a correct run has: a deadlock or a runner waiting on itself shows up here. */
    private static final Duration FINISH = Duration.ofSeconds(180);
    private static final Duration LOCK_WAIT = Duration.ofSeconds(2);

    private final RealisticHistory history;

    ConcurrencyTrial(RealisticHistory history) {
        this.history = history;
    }

    /**
     * {@value #RUNNERS} runners started together on a fresh database and let go at the same moment:
     * the first at its first statement, the others waiting for the run lock. All must exit 0,
     * with no deadlock on the server and every migration applied once.
     */
    String together(Path logs, Map<String, String> childEnv) {
        return together(logs, childEnv, false);
    }

    /**
     * As {@link #together(Path, Map)}, on a database whose version tables a {@code repair} made
     * first. Runners without the lock then all reach the first statement: none can fail earlier,
     * racing another to create the tables, so how many got past the lock does not depend on timing.
     */
    String togetherOnMadeTables(Path logs, Map<String, String> childEnv) {
        return together(logs, childEnv, true);
    }

    private String together(Path logs, Map<String, String> childEnv, boolean tablesFirst) {
        TestDatabase db = TestPostgres.server().newDatabase();
        Cli cli = history.cli(db).env("STEPWISE_LOCK_WAIT", "5m");
        if (tablesFirst) {
            CliRun repair = cli.run("repair");
            if (repair.exitCode() != 0) {
                return "repair, to make the version tables, failed: " + repair.errorLineOrOutput();
            }
        }
        childEnv.forEach(cli::env);
        Path go = EventPointRun.goFlag(logs);
        String first = history.events().get(0);
        List<EventPointRun> runners = new ArrayList<>();
        for (int i = 0; i < RUNNERS; i++) {
            runners.add(EventPointRun.pauseAt(cli, logs, first, go, "upgrade", "head"));
        }
        Poll.until("every runner at '" + first + "' or waiting for the run lock", FINISH, () -> runners.stream()
                .allMatch(r -> r.atPoint() || r.stderr().contains("waiting for the run lock") || !r.alive()));
        long atPoint = runners.stream().filter(EventPointRun::atPoint).count();
        runners.get(0).proceed();
        List<String> problems = new ArrayList<>();
        if (atPoint > 1) {
            problems.add(atPoint + " runners past the run lock at once");
        }
        for (EventPointRun r : runners) {
            CliRun run = r.finish(FINISH);
            if (run.exitCode() != 0) {
                problems.add("a runner failed: " + run.errorLineOrOutput());
            }
        }
        String deadlocks = db.value("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
        if (!deadlocks.equals("0")) {
            problems.add(deadlocks + " deadlock(s) on the server");
        }
        problems.addAll(Aftermath.problems(db, history.endState()));
        return problems.isEmpty() ? null
                : RUNNERS + " runners together (" + atPoint + " at the first statement at once): " + String.join("; ", problems);
    }

    /**
     * A holder takes the run lock and never lets go; {@value #RUNNERS} runners with a lock_wait
     * of 2 s must each give up with exit 1, naming the holder and lock_wait, having changed nothing.
     */
    String holderNeverLetsGo(Path logs) {
        TestDatabase db = TestPostgres.server().newDatabase();
        Cli cli = history.cli(db).env("STEPWISE_LOCK_WAIT", LOCK_WAIT.toSeconds() + "s");
        List<String> problems = new ArrayList<>();
        try (LockHolder holder = LockHolder.take(db, "never-lets-go")) {
            Instant started = Instant.now();
            List<EventPointRun> runners = new ArrayList<>();
            for (int i = 0; i < RUNNERS; i++) {
                runners.add(EventPointRun.stopAt(cli, logs, "never-reached", "upgrade", "head"));
            }
            for (EventPointRun r : runners) {
                CliRun run = r.finish(FINISH);
                String error = run.errorLineOrOutput();
                if (run.exitCode() != 1 || !error.contains("pid " + holder.pid()) || !error.contains("'never-lets-go'")
                        || !error.contains("lock_wait") || !error.contains("after " + LOCK_WAIT.toSeconds() + "s")) {
                    problems.add("a waiter did not give up naming the holder and lock_wait: exit " + run.exitCode()
                            + ", " + error);
                }
            }
            if (Duration.between(started, Instant.now()).compareTo(LOCK_WAIT) < 0) {
                problems.add("the waiters gave up before lock_wait");
            }
            Evidence evidence = Evidence.of(db);
            if (evidence.tableExists("stepwise_version") && !evidence.versionRows().isEmpty()) {
                problems.add("something was applied without the lock: " + evidence.versionRows());
            }
            if (!evidence.backends("stepwise-%").isEmpty()) {
                problems.add("waiters' backends left: " + evidence.backends("stepwise-%"));
            }
            if (!evidence.holdsAdvisoryLock(holder.pid())) {
                problems.add("the holder lost its lock");
            }
        }
        return problems.isEmpty() ? null : RUNNERS + " waiters behind a holder: " + String.join("; ", problems);
    }

    /**
     * The runner in charge is paused at {@code event} while its lock connection is terminated and a
     * second runner takes the lock; then the first goes on. It must stop before its next step or
     * commit (exit 1, "lost the run lock"), the second must finish, and nothing may be applied twice.
     * {@code firstEnv} goes to the first runner only.
     */
    String lockConnectionEnded(Path logs, String event, Map<String, String> firstEnv) {
        TestDatabase db = TestPostgres.server().newDatabase();
        Cli first = history.cli(db);
        firstEnv.forEach(first::env);
        String what = "lock connection of the runner in charge ended at '" + event + "'";
        EventPointRun inCharge = EventPointRun.pauseAt(first, logs, event, "upgrade", "head");
        if (!inCharge.awaitPoint()) {
            return inCharge.missed(what, FINISH);
        }
        Evidence evidence = Evidence.of(db);
        List<Evidence.Backend> lock = evidence.backends("stepwise-%-lock");
        if (lock.size() != 1) {
            return what + ": expected one lock backend, saw " + lock;
        }
        db.value("SELECT pg_terminate_backend(" + lock.get(0).pid() + ")");
        Poll.until("the lock backend gone", FINISH, () -> !evidence.backendAlive(lock.get(0).pid()));
        EventPointRun second = EventPointRun.stopAt(history.cli(db).env("STEPWISE_LOCK_WAIT", "5m"), logs, "never-reached",
                "upgrade", "head");
        Poll.until("the second runner holding the lock", FINISH, () -> evidence.backends("stepwise-%-lock").stream()
                .anyMatch(b -> evidence.holdsAdvisoryLock(b.pid())) || !second.alive());
        inCharge.proceed();
        List<String> problems = new ArrayList<>();
        CliRun stopped = inCharge.finish(FINISH);
        if (stopped.exitCode() != 1 || !stopped.errorLineOrOutput().contains("lost the run lock")) {
            problems.add("the runner in charge did not stop for its lost lock: exit " + stopped.exitCode() + ", "
                    + stopped.errorLineOrOutput());
        }
        CliRun next = second.finish(FINISH);
        if (next.exitCode() != 0) {
            problems.add("the second runner failed: " + next);
        }
        problems.addAll(Aftermath.problems(db, history.endState()));
        return problems.isEmpty() ? null : what + ": " + String.join("; ", problems);
    }
}
