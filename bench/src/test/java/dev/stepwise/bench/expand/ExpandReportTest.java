package dev.stepwise.bench.expand;

import dev.stepwise.bench.expand.ExpandBenchmark.SubjectResult;
import dev.stepwise.bench.expand.PhaseResult.Run;
import dev.stepwise.bench.expand.PhaseResult.StepResult;
import dev.stepwise.bench.load.LatencyWindow;
import dev.stepwise.bench.report.Goal;
import dev.stepwise.bench.report.RunContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExpandReportTest {

    private static final RunContext CONTEXT = new RunContext(Instant.parse("2026-12-02T00:00:00Z"), "cpu", 2,
            "24 GiB", "Linux", "Java 17", "17.7", "fsync=off");

    @Test
    void theRatioToTheLoadAlone_isTakenRunByRun_thenTheMedian() {
        List<Run> runs = List.of(run(1, 3, 5), run(8, 4, 5), run(4, 40, 5));

        // 3/1, 4/8, 40/4: the median of the ratios is 3, where the ratio of the medians would be 4/4
        assertThat(ExpandReport.medianRatioToLoadAlone(runs, PhaseResult.EXPAND)).isEqualTo(3.0);
        assertThat(ExpandReport.median(runs, PhaseResult.EXPAND, p -> p.load().p999Millis())).isEqualTo(4.0);
    }

    @Test
    void theGoal_isMetWhenBothPhasesMediansAreUnder100ms() {
        ExpandReport met = report(List.of(run(2, 30, 12), run(2, 40, 8), run(2, 35, 150)));

        assertThat(met.goals()).extracting(Goal::met).containsExactly(true, true);
        String md = met.markdown(CONTEXT);
        assertThat(md).contains("Goal: the load's p99.9 under 100 ms throughout (medians: upgrade --phase expand"
                + " 35.0 ms, upgrade (the contract) 12.0 ms): **met**; in every single run: no (worst run's p99.9"
                + " 150.0 ms).");
    }

    @Test
    void aContractThatStallsTheLoad_missesTheGoal() {
        ExpandReport missed = report(List.of(run(2, 30, 120), run(2, 40, 180), run(2, 35, 150)));

        assertThat(missed.goals()).extracting(Goal::met).containsExactly(true, false);
        assertThat(missed.markdown(CONTEXT)).contains("**missed**; in every single run: no");
    }

    @Test
    void theReport_tablesEveryPhase_everyRun_andEveryStep() {
        String md = report(List.of(run(2, 30, 12), run(2, 40, 8), run(2, 35, 9))).markdown(CONTEXT);

        assertThat(md).startsWith("# Expand/contract of 1,000,000 rows under load\n\n- date: 2026-12-02T00:00:00Z\n");
        assertThat(md).contains("- lock-timeout schedule: `lock_timeout` 25ms, `lock_timeout_max` 2s:");
        assertThat(md).contains("| `upgrade --phase expand` | 6.00 s | 1,000 | 35.0 ms | 70.0 ms | 17.50× |"
                + " 17.5 / 35.0 ms | 6.00 / 30.0 / 60.0; 6.00 / 40.0 / 80.0; 6.00 / 35.0 / 70.0 |");
        assertThat(md).contains("| naive `ALTER TABLE orders RENAME COLUMN note TO memo` | 0.01 s |");
        assertThat(md).contains("| upgrade --phase expand | e1 1/1 | UPDATE public.orders SET memo = note — runs: 100"
                + " batches: 10,000 rows and 50.0 ms each on average; 100 batches");
        assertThat(md).contains("after Stepwise's expand it reads note 1234; after `ALTER TABLE orders RENAME COLUMN"
                + " note TO memo` it fails: column \"note\" does not exist.");
        assertThat(md).contains("- run 1: expand 60.0 ms, due in step e1 1/1; contract 24.0 ms, due between steps");
    }

    private static ExpandReport report(List<Run> stepwise) {
        Run naive = new Run(List.of(PhaseResult.loadAlone(5, window(2)),
                new PhaseResult(PhaseResult.NAIVE, 0.01, window(3), List.of(), List.of(), "")),
                "fails: column \"note\" does not exist");
        return new ExpandReport(1_000_000, 4, 250, new LockSchedule("25ms", "2s"), List.of(new SubjectResult(
                ExpandSubject.renameColumn(), stepwise, List.of(naive, naive, naive), List.of(Path.of("a.sql")),
                "reads note 1234")), 3, List.of(1.5, 2.5, 3.5));
    }

    /** A run whose load alone, expand and contract had these p99.9 latencies (max twice that). */
    private static Run run(double alone, double expand, double contract) {
        StepResult step = new StepResult("e1 1/1", "UPDATE public.orders SET memo = note", 5, window(expand),
                "100 batches: 10,000 rows and 50.0 ms each on average");
        return new Run(List.of(PhaseResult.loadAlone(5, window(alone)),
                new PhaseResult(PhaseResult.EXPAND, 6, window(expand), List.of(step), List.of(),
                        String.format(java.util.Locale.ROOT, "%.1f ms, due in step e1 1/1", 2 * expand)),
                new PhaseResult(PhaseResult.CONTRACT, 0.2, window(contract), List.of(), List.of(),
                        String.format(java.util.Locale.ROOT, "%.1f ms, due between steps", 2 * contract))),
                "reads note 1234");
    }

    private static LatencyWindow window(double p999) {
        return new LatencyWindow(1000, 1000, p999, 2 * p999, 5000, p999 / 2, p999);
    }
}
