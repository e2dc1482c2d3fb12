package dev.stepwise.bench.expand;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StepTimelineTest {

    @Test
    void anInstant_isLaidAtTheStepWhoseTimeHoldsIt_orBetweenSteps() {
        List<StepTimeline.Step> steps = List.of(new StepTimeline.Step("a 1/2", "ALTER", 100, 200, ""),
                new StepTimeline.Step("a 2/2", "UPDATE", 250, 900, ""));

        assertThat(StepTimeline.at(steps, 100).label()).isEqualTo("a 1/2");
        assertThat(StepTimeline.at(steps, 899).label()).isEqualTo("a 2/2");
        assertThat(StepTimeline.at(steps, 200)).isNull();
        assertThat(StepTimeline.at(steps, Long.MIN_VALUE)).isNull();
    }

    @Test
    void aCompletedStep_startsItsDurationBeforeItWasReported() {
        StepTimeline t = new StepTimeline();
        long before = System.nanoTime();

        t.stepCompleted("e1", 2, 3, "UPDATE ...", Duration.ofSeconds(5));

        StepTimeline.Step s = t.steps().get(0);
        assertThat(s.label()).isEqualTo("e1 2/3");
        assertThat(s.endNanos()).isGreaterThanOrEqualTo(before);
        assertThat(s.endNanos() - s.startNanos()).isEqualTo(5_000_000_000L);
    }

    @Test
    void aMigrationOfOneTransaction_countsAsOneStep_andOneWithStepsAddsNone() {
        StepTimeline t = new StepTimeline();

        t.migrationStarted("c1", dev.stepwise.source.Direction.UP, "e1", "contract: rename");
        t.migrationCompleted("c1", dev.stepwise.source.Direction.UP, Duration.ofMillis(3));
        t.migrationStarted("e2", dev.stepwise.source.Direction.UP, "c1", "expand");
        t.stepCompleted("e2", 1, 1, "ALTER", Duration.ofMillis(1));
        t.migrationCompleted("e2", dev.stepwise.source.Direction.UP, Duration.ofMillis(2));

        assertThat(t.steps()).extracting(StepTimeline.Step::label).containsExactly("c1 whole", "e2 1/1");
        assertThat(t.steps().get(0).description()).endsWith(": contract: rename");
    }

    @Test
    void aBatchedStep_carriesItsBatchesOnAverage_fromTheLastProgressReport() {
        StepTimeline t = new StepTimeline();

        t.batchProgress(new dev.stepwise.backfill.BatchProgress("e1", "orders", 0, 500_000, 1_000_000, 500_000, 100,
                Duration.ofSeconds(5), false));
        t.batchProgress(new dev.stepwise.backfill.BatchProgress("e1", "orders", 0, 1_000_000, 1_000_000, 1_000_000,
                400, Duration.ofSeconds(20), true));
        t.stepCompleted("e1", 2, 3, "UPDATE", Duration.ofSeconds(20));
        t.stepCompleted("e1", 3, 3, "ANALYZE", Duration.ofMillis(200));

        assertThat(t.steps()).extracting(StepTimeline.Step::batches)
                .containsExactly("400 batches: 2,500 rows and 50.0 ms each on average", "");
    }
}
