package dev.stepwise.reliability.concurrency;

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

/** The concurrent-runners scenario would notice a runner without the lock, or one that stops checking it. */
class ConcurrentRunnersFaultTest {

    @TempDir
    Path dir;

    @AfterEach
    void noRunnerLeftBehind() {
        ChildRun.killLeftovers();
    }

    @Test
    void withoutTheRunLock_runnersLetGoTogetherAreFound() {
        ConcurrencyTrial trial = new ConcurrencyTrial(RealisticHistory.get());

        String failure = trial.togetherOnMadeTables(dir,
                Map.of(TestFaults.VARIABLE, TestFaults.childValue(Guarantee.RUN_LOCK)));

        assertThat(failure).isNotNull().contains(ConcurrencyTrial.RUNNERS + " runners past the run lock at once");
    }

    @Test
    void withoutTheLockCheck_aRunnerThatLostItsLockIsFound() {
        ConcurrencyTrial trial = new ConcurrencyTrial(RealisticHistory.get());

        String failure = trial.lockConnectionEnded(dir, "before-step b2 1",
                Map.of(TestFaults.VARIABLE, TestFaults.childValue(Guarantee.LOCK_CHECK)));

        assertThat(failure).isNotNull().contains("did not stop for its lost lock");
    }
}
