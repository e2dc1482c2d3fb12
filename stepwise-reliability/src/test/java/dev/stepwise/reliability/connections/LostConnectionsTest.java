package dev.stepwise.reliability.connections;

import dev.stepwise.it.ChildRun;
import dev.stepwise.reliability.history.RealisticHistory;
import dev.stepwise.reliability.support.EventPoints;
import dev.stepwise.reliability.support.Reliability;
import dev.stepwise.reliability.support.ScenarioReport;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 2, lost connections: while a child JVM upgrades the {@link RealisticHistory}, the
 * server ends its backends with {@code pg_terminate_backend} (the work connection, the lock
 * connection or both, at a seeded event point), ends the work backend in the middle of a
 * concurrent index build (which leaves an INVALID index), or restarts. Every time the runner
 * must stop with exit 1 and an error that says what was lost and in which revision, and the
 * next {@code upgrade head} must end exactly where an uninterrupted run does.
 *
 * <p>Only points before the last migration's final commit are chosen: after it, the run has
 * nothing left that needs the connection. Reduced run: 10 terminations, 2 mid-build, 2
 * restarts; full run: 100, 20 and 10.
 */
class LostConnectionsTest {

    static final String BUILD_B2 = "before-statement b2 2";
    static final String BUILD_C3 = "before-statement c3 2";

    @TempDir
    Path dir;

    @AfterEach
    void noRunnerLeftBehind() {
        ChildRun.killLeftovers();
    }

    @Test
    void theServerEndsTheRunnersConnectionsOrRestarts_theRunnerStopsClearly_andTheNextRunCompletes() {
        RealisticHistory history = RealisticHistory.get();
        assertThat(history.events()).contains(BUILD_B2, BUILD_C3);
        long seed = Reliability.seed("lost connections");
        Random random = new Random(seed);
        List<String> candidates = EventPoints.before(history.events(), "before-commit " + history.head());
        ScenarioReport report = ScenarioReport.start(2, "Lost connections", seed);
        LostConnectionTrial trial = new LostConnectionTrial(history);

        int terminations = Reliability.trials(10, 100);
        // twice as many as needed: a point the run does not pass this time is drawn again
        List<String> points = EventPoints.spread(candidates, 2 * terminations, random);
        for (int i = 0; report.trials() < terminations && i < points.size(); i++) {
            LostConnectionTrial.Target target = LostConnectionTrial.Target.values()[random.nextInt(3)];
            report.trial(trial.terminate(dir.resolve("end-" + i), points.get(i), target));
        }
        int midBuild = Reliability.trials(2, 20);
        for (int i = 0; i < midBuild; i++) {
            report.trial(trial.terminateMidBuild(dir.resolve("build-" + i), i % 2 == 0 ? BUILD_B2 : BUILD_C3));
        }
        int restarts = Reliability.trials(2, 10);
        List<String> restartPoints = EventPoints.spread(candidates, 2 * restarts, random);
        int before = report.trials();
        TestPostgres server = TestPostgres.dedicated(dir.resolve("restarted-server"));
        try {
            for (int i = 0; report.trials() < before + restarts && i < restartPoints.size(); i++) {
                report.trial(trial.restart(dir.resolve("restart-" + i), server, server.newDatabase(), restartPoints.get(i)));
            }
        } finally {
            server.stop();
        }
        report.note(terminations + " backend terminations (work, lock or both) at seeded points");
        report.note(midBuild + " in the middle of a concurrent index build");
        report.note(restarts + " server restarts");
        report.write();

        assertThat(report.trials()).isEqualTo(terminations + midBuild + restarts);
        assertThat(report.failures()).as("runs that did not stop clearly or did not complete next time").isEmpty();
    }
}
