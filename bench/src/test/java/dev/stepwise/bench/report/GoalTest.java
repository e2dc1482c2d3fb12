package dev.stepwise.bench.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoalTest {

    @Test
    void atMost_isMetAtTheLimitItself() {
        assertThat(Goal.atMost("lint / upgrade", 1.5, 1.5).met()).isTrue();
        assertThat(Goal.atMost("lint / upgrade", 1.51, 1.5).met()).isFalse();
    }

    @Test
    void under_isMissedAtTheLimitItself() {
        assertThat(Goal.under("offline", 2.99, 3.0).met()).isTrue();
        assertThat(Goal.under("offline", 3.0, 3.0).met()).isFalse();
    }

    @Test
    void verdictAndTarget_areWrittenForTheTable() {
        Goal missed = Goal.under("lint step", 1.2, 1.1);

        assertThat(missed.verdict()).isEqualTo("**missed**");
        assertThat(Goal.atMost("x", 1.0, 1.5).verdict()).isEqualTo("met");
        assertThat(missed.target(Figures::ratio)).isEqualTo("< 1.10×");
        assertThat(Goal.atMost("x", 1.0, 1.5).target(Figures::ratio)).isEqualTo("≤ 1.50×");
    }

    @Test
    void aGoalWithoutAFigure_isAnError() {
        assertThatThrownBy(() -> Goal.under("nothing", Double.NaN, 3.0)).hasMessageContaining("nothing");
    }
}
