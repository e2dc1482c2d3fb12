package dev.stepwise.bench.expand;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LockScheduleTest {

    @Test
    void from25ms_theAttemptsDoubleUpToTheCap() {
        LockSchedule s = new LockSchedule("25ms", "2s");

        assertThat(LockSchedule.attempts(s.timeouts())).extracting(Duration::toMillis)
                .containsExactly(25L, 50L, 100L, 200L, 400L, 800L, 1600L, 2000L);
    }

    @Test
    void theDescription_statesTheWholeSchedule_withTheKeysAsStepwiseTomlSpellsThem() {
        String d = LockSchedule.describe(new LockSchedule("25ms", "2s").timeouts());

        assertThat(d).startsWith("`lock_timeout` 25ms, `lock_timeout_max` 2s: a step whose locks queue traffic waits"
                + " at most 25 ms, 50 ms, 100 ms, 200 ms, 400 ms, 800 ms, 1.6 s, then 2 s on each later attempt;");
        assertThat(d).contains("`lock_retry_backoff` 100ms", "`lock_retry_budget` 3m", "`statement_budget` 1h");
    }

    @Test
    void aScheduleWhoseFirstAttemptIsTheCap_hasOneWait() {
        assertThat(LockSchedule.describe(new LockSchedule("2s", "2s").timeouts())).contains("waits at most 2 s on each");
    }

    @Test
    void theProjectFile_setsBothKeys_andTheRunnerIsCheckedAgainstTheSame() {
        LockSchedule s = new LockSchedule("25ms", "2s");

        assertThat(s.toml()).contains("lock_timeout = \"25ms\"\n", "lock_timeout_max = \"2s\"\n");
        assertThat(s.timeouts().first()).isEqualTo(Duration.ofMillis(25));
        assertThat(s.timeouts().max()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aDurationStepwiseCannotRead_isRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> new LockSchedule("25", "2s")).hasMessageContaining("not a duration: '25'");
        assertThatThrownBy(() -> new LockSchedule("3s", "2s")).hasMessageContaining("lock_timeout_max");
    }
}
