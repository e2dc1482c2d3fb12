package dev.stepwise.reliability.crash;

import dev.stepwise.it.ChildRun;
import dev.stepwise.reliability.history.RealisticHistory;
import dev.stepwise.reliability.support.EventPoints;
import dev.stepwise.reliability.support.Reliability;
import dev.stepwise.reliability.support.ScenarioReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 1, crash anywhere: the {@link RealisticHistory} upgraded by a real child JVM that is
 * killed with SIGKILL, then {@code upgrade head} again; every trial must end exactly where an
 * uninterrupted run does (schema, data, {@code stepwise_version}), with no INVALID index, no step
 * recorded as applied twice, no backend or lock left, and no {@code repair}.
 *
 * <p>The kill points are the event points an uninterrupted run passes (each statement of a
 * transactional step, before and after each step and each statement outside a transaction, each
 * batch, just before each commit), taken in a seeded random order; one trial in three lets the
 * runner go on from its point and kills it a seeded 0-150 ms later, in the middle of whatever it
 * is doing then (a concurrent build, a batch, a commit). Reduced run: 20 trials; full run
 * ({@code -Dstepwise.reliability=full}): 200, which visits every event point at least twice.
 */
class CrashAnywhereTest {

    @TempDir
    Path dir;

    @AfterEach
    void noRunnerLeftBehind() {
        ChildRun.killLeftovers();
    }

    @Test
    void killedAnywhere_theNextRunEndsExactlyWhereAnUninterruptedOneDoes() {
        RealisticHistory history = RealisticHistory.get();
        long seed = Reliability.seed("crash anywhere");
        Random random = new Random(seed);
        int trials = Reliability.trials(20, 200);
        // twice as many as needed: a point the run does not pass this time is drawn again
        List<String> points = EventPoints.spread(history.events(), 2 * trials, random);
        ScenarioReport report = ScenarioReport.start(1, "Crash anywhere", seed);
        CrashTrial crash = new CrashTrial(history, Map.of());
        int midway = 0;
        for (int i = 0; report.trials() < trials && i < points.size(); i++) {
            Duration after = random.nextInt(3) == 0 ? Duration.ofMillis(random.nextInt(151)) : null;
            String result = crash.run(dir.resolve("trial-" + i), points.get(i), after);
            midway += after != null && result != ScenarioReport.NOT_REACHED ? 1 : 0;
            report.trial(result);
        }
        report.note(new TreeSet<>(points.subList(0, trials)).size() + " of " + new TreeSet<>(history.events()).size()
                + " event points");
        report.note((trials - midway) + " kills at the point, " + midway + " 0-150 ms after it");
        report.note("history of " + history.events().stream().filter(e -> e.startsWith("committed ")).count()
                + " migrations incl. a merge and a generated expand/contract pair");
        report.write();

        assertThat(report.trials()).isEqualTo(trials);
        assertThat(report.failures()).as("crash trials that did not end like an uninterrupted run").isEmpty();
    }
}
