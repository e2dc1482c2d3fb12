package dev.stepwise.reliability.connections;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.Poll;
import dev.stepwise.reliability.history.Aftermath;
import dev.stepwise.reliability.history.RealisticHistory;
import dev.stepwise.reliability.support.EventPointRun;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One lost connection: {@code upgrade head} in a child JVM paused at an event point while the
 * server ends its backends (or restarts), then let go on. The runner must stop with exit 1 and an
 * error line that says what was lost and where; the next {@code upgrade head} must finish with
 * the aftermath of an uninterrupted run.
 */
final class LostConnectionTrial {

    /** Which of the runner's backends the server ends. */
    enum Target {
        WORK("stepwise-%-work"), LOCK("stepwise-%-lock"), BOTH("stepwise-%");

        final String applicationName;

        Target(String applicationName) {
            this.applicationName = applicationName;
        }
    }

    private static final Duration FINISH = Duration.ofSeconds(120);
    private static final Duration GONE = Duration.ofSeconds(30);
    /** What a clear error line says: that a connection, the lock or the server went away. */
    private static final Pattern SAYS_WHAT_WAS_LOST = Pattern.compile(
            "connection|terminat|lost the run lock|shut ?down|server closed", Pattern.CASE_INSENSITIVE);

    private final RealisticHistory history;

    LostConnectionTrial(RealisticHistory history) {
        this.history = history;
    }

    /** Ends the runner's {@code target} backends with {@code pg_terminate_backend} at {@code event}. */
    String terminate(Path logs, String event, Target target) {
        TestDatabase db = TestPostgres.server().newDatabase();
        String what = target.name().toLowerCase(Locale.ROOT) + " backend(s) ended at '" + event + "'";
        EventPointRun runner = EventPointRun.pauseAt(history.cli(db), logs, event, "upgrade", "head");
        if (!runner.awaitPoint()) {
            return runner.missed(what, FINISH);
        }
        Evidence evidence = Evidence.of(db);
        List<Evidence.Backend> ended = evidence.backends(target.applicationName);
        if (ended.isEmpty()) {
            return what + ": the runner had no such backend";
        }
        for (Evidence.Backend b : ended) {
            db.value("SELECT pg_terminate_backend(" + b.pid() + ")");
        }
        Poll.until("the ended backends gone", GONE, () -> ended.stream().noneMatch(b -> evidence.backendAlive(b.pid())));
        runner.proceed();
        return afterwards(db, what, runner.finish(FINISH), history.cli(db));
    }

    /**
     * Ends the runner's work backend while its concurrent index build at {@code event} (a
     * {@code before-statement} point) waits for an older snapshot: the build has made its index,
     * INVALID, and not finished it.
     */
    String terminateMidBuild(Path logs, String event) {
        TestDatabase db = TestPostgres.server().newDatabase();
        String what = "work backend ended in the middle of the concurrent build at '" + event + "'";
        EventPointRun runner = EventPointRun.pauseAt(history.cli(db), logs, event, "upgrade", "head");
        if (!runner.awaitPoint()) {
            return runner.missed(what, FINISH);
        }
        Evidence evidence = Evidence.of(db);
        CliRun first;
        try (Connection snapshot = db.connect(); Statement s = snapshot.createStatement()) {
            snapshot.setAutoCommit(false);
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            s.execute("SELECT count(*) FROM pg_class");
            runner.proceed();
            Evidence.Backend building = Poll.until("the build waiting for the old snapshot", FINISH, () ->
                    evidence.backends("stepwise-%-work").stream()
                            .filter(b -> b.query().startsWith("CREATE INDEX CONCURRENTLY") && b.waitEventType().equals("Lock"))
                            .findFirst());
            if (db.value("SELECT count(*) FROM pg_index WHERE NOT indisvalid").equals("0")) {
                return what + ": no INVALID index while the build waited";
            }
            db.value("SELECT pg_terminate_backend(" + building.pid() + ")");
            Poll.until("the work backend gone", GONE, () -> !evidence.backendAlive(building.pid()));
            snapshot.rollback();
            first = runner.finish(FINISH);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return afterwards(db, what, first, history.cli(db));
    }

    /** Restarts the dedicated {@code server} at {@code event}; {@code db} lives on it. */
    String restart(Path logs, TestPostgres server, TestDatabase db, String event) {
        String what = "server restarted at '" + event + "'";
        EventPointRun runner = EventPointRun.pauseAt(Cli.on(db, history.project()), logs, event, "upgrade", "head");
        if (!runner.awaitPoint()) {
            return runner.missed(what, FINISH);
        }
        server.restart();
        runner.proceed();
        return afterwards(db, what, runner.finish(FINISH), Cli.on(db, history.project()));
    }

    private String afterwards(TestDatabase db, String what, CliRun first, Cli next) {
        if (first.exitCode() != 1) {
            return what + ": the runner did not stop with exit 1: " + first;
        }
        String error = first.err().lines().filter(l -> l.startsWith("error:")).findFirst().orElse(null);
        if (error == null || !SAYS_WHAT_WAS_LOST.matcher(error).find() || !error.contains("revision")) {
            return what + ": the error does not say what was lost and where: " + first;
        }
        System.out.println(what + ": " + error);
        CliRun again = next.run("upgrade", "head");
        if (again.exitCode() != 0) {
            return what + ", the next upgrade failed: " + again;
        }
        List<String> problems = Aftermath.problems(db, history.endState());
        return problems.isEmpty() ? null : what + ", then: " + String.join("; ", problems);
    }
}
