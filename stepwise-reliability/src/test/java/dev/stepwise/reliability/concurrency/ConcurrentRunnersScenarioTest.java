package dev.stepwise.reliability.concurrency;

import dev.stepwise.it.ChildRun;
import dev.stepwise.reliability.history.RealisticHistory;
import dev.stepwise.reliability.support.EventPoints;
import dev.stepwise.reliability.support.Reliability;
import dev.stepwise.reliability.support.ScenarioReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 3, concurrent runners, on the {@link RealisticHistory} (concurrent index builds
 * included): 8 runners started together and let go at the same moment; 8 runners behind a
 * holder that never lets the run lock go; and a runner in charge whose lock connection the
 * server ends while a second runner takes over.
 *
 * <p>Reduced run: one round of 8 together, one of 8 waiters, 3 lock-connection trials at
 * seeded points; full run: 10, 3 and 30.
 */
class ConcurrentRunnersScenarioTest {

    @TempDir
    Path dir;

    @AfterEach
    void noRunnerLeftBehind() {
        ChildRun.killLeftovers();
    }

    @Test
    void runnersTogether_waitersBehindAHolder_andATakeOver_neverApplyAnythingTwice() {
        RealisticHistory history = RealisticHistory.get();
        long seed = Reliability.seed("concurrent runners");
        Random random = new Random(seed);
        ScenarioReport report = ScenarioReport.start(3, "Concurrent runners", seed);
        ConcurrencyTrial trial = new ConcurrencyTrial(history);

        int together = Reliability.trials(1, 10);
        for (int i = 0; i < together; i++) {
            report.trial(trial.together(dir.resolve("together-" + i), Map.of()));
        }
        int held = Reliability.trials(1, 3);
        for (int i = 0; i < held; i++) {
            report.trial(trial.holderNeverLetsGo(dir.resolve("held-" + i)));
        }
        int takeOvers = Reliability.trials(3, 30);
        List<String> points = EventPoints.spread(EventPoints.before(history.events(), "before-commit " + history.head()),
                2 * takeOvers, random);
        int before = report.trials();
        for (int i = 0; report.trials() < before + takeOvers && i < points.size(); i++) {
            report.trial(trial.lockConnectionEnded(dir.resolve("take-over-" + i), points.get(i), Map.of()));
        }
        report.note(together + " x " + ConcurrencyTrial.RUNNERS + " runners let go together");
        report.note(held + " x " + ConcurrencyTrial.RUNNERS + " waiters behind a holder (lock_wait 2 s)");
        report.note(takeOvers + " lock connections of the runner in charge ended at seeded points");
        report.write();

        assertThat(report.trials()).isEqualTo(together + held + takeOvers);
        assertThat(report.failures()).as("concurrent runs that deadlocked, failed or applied something twice").isEmpty();
    }
}
