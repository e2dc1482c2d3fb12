package dev.stepwise.bench.lint;

import dev.stepwise.bench.report.Goal;
import dev.stepwise.bench.report.Measurements;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LintBenchmarkTest {

    @Test
    void goals_takeEachRatioPairByPair_andEachSubjectOnItsOwn() {
        Measurements processes = new Measurements();
        // lint / upgrade per run: 0.5, 2.0, 0.6 -> median 0.6 (the ratio of the medians would be 1.0)
        add(processes, LintBenchmark.UPGRADE, 10.0, 2.0, 10.0);
        add(processes, LintBenchmark.LINT_REPLAY, 5.0, 4.0, 6.0);
        add(processes, LintBenchmark.LINT_OFFLINE, 0.9, 3.5, 1.0);
        Measurements api = new Measurements();
        add(api, LintBenchmark.WITH_LINT, 11.0, 12.0, 13.0);
        add(api, LintBenchmark.WITHOUT_LINT, 10.0, 10.0, 10.0);
        Measurements inside = new Measurements();
        // 1.5 s of lint in an 11 s run: 11 / 9.5 = 1.158; 0.5 s of 12: 1.043; 0.6 of 13: 1.048
        add(inside, LintBenchmark.LINT_OWN, 1.5, 0.5, 0.6);
        add(inside, LintBenchmark.LINT_OWN_RATIO, 11 / 9.5, 12 / 11.5, 13 / 12.4);

        List<Goal> goals = LintBenchmark.goals(List.of(new LintBenchmark.Result(
                new LintBenchmark.Subject("chain-3", "test", Path.of("p"), 3), processes, api, inside)));

        assertThat(goals).extracting(Goal::description).containsExactly(
                "(1) `lint` / `upgrade head`, chain-3", "(2) `lint --offline`, chain-3",
                "(3) `upgrade` with its lint step / without, chain-3",
                "(3) the same, from the lint step's own time, chain-3");
        assertThat(goals.get(3).value()).isCloseTo(13 / 12.4, within(1e-9));
        assertThat(goals.get(3).met()).isTrue();
        assertThat(goals.get(0).value()).isCloseTo(0.6, within(1e-9));
        assertThat(goals.get(0).met()).isTrue();
        assertThat(goals.get(1).value()).isEqualTo(1.0);
        assertThat(goals.get(1).met()).isTrue();
        // 1.1, 1.2, 1.3: the median 1.2 is not under 1.10
        assertThat(goals.get(2).value()).isCloseTo(1.2, within(1e-9));
        assertThat(goals.get(2).met()).isFalse();
    }

    @Test
    void goals_listEveryGoalForEverySubject_groupedByGoal() {
        List<LintBenchmark.Result> results = List.of(result("chain-3"), result("alter-3"));

        assertThat(LintBenchmark.goals(results)).extracting(Goal::description).containsExactly(
                "(1) `lint` / `upgrade head`, chain-3", "(1) `lint` / `upgrade head`, alter-3",
                "(2) `lint --offline`, chain-3", "(2) `lint --offline`, alter-3",
                "(3) `upgrade` with its lint step / without, chain-3", "(3) `upgrade` with its lint step / without, alter-3",
                "(3) the same, from the lint step's own time, chain-3",
                "(3) the same, from the lint step's own time, alter-3");
    }

    private static LintBenchmark.Result result(String name) {
        Measurements processes = new Measurements();
        add(processes, LintBenchmark.UPGRADE, 1.0);
        add(processes, LintBenchmark.LINT_REPLAY, 1.0);
        add(processes, LintBenchmark.LINT_OFFLINE, 1.0);
        Measurements api = new Measurements();
        add(api, LintBenchmark.WITH_LINT, 1.0);
        add(api, LintBenchmark.WITHOUT_LINT, 1.0);
        Measurements inside = new Measurements();
        add(inside, LintBenchmark.LINT_OWN, 0.01);
        add(inside, LintBenchmark.LINT_OWN_RATIO, 1.01);
        return new LintBenchmark.Result(new LintBenchmark.Subject(name, "test", Path.of("p"), 3), processes, api, inside);
    }

    private static void add(Measurements m, String row, double... seconds) {
        for (int i = 0; i < seconds.length; i++) {
            m.add(row, i, seconds[i]);
        }
    }
}
