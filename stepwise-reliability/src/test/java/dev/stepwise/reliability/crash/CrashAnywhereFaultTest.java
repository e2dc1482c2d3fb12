package dev.stepwise.reliability.crash;

import dev.stepwise.fault.Guarantee;
import dev.stepwise.it.ChildRun;
import dev.stepwise.reliability.history.RealisticHistory;
import dev.stepwise.reliability.support.TestFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash scenario would notice: with the step record switched off in the killed runner, a
 * kill right after a committed transactional step makes the next run apply that step again,
 * and the trial fails.
 */
class CrashAnywhereFaultTest {

    @TempDir
    Path dir;

    @AfterEach
    void noRunnerLeftBehind() {
        ChildRun.killLeftovers();
    }

    @Test
    void withoutTheStepRecord_aKillAfterAStepIsFound() {
        RealisticHistory history = RealisticHistory.get();
        assertThat(history.events()).contains("after-step b2 1");
        CrashTrial faulty = new CrashTrial(history, Map.of(TestFaults.VARIABLE, TestFaults.childValue(Guarantee.STEP_RECORD)));

        String failure = faulty.run(dir, "after-step b2 1", null);

        assertThat(failure).isNotNull().contains("killed at 'after-step b2 1'");
        assertThat(new CrashTrial(history, Map.of()).run(dir.resolve("kept"), "after-step b2 1", null)).isNull();
    }
}
