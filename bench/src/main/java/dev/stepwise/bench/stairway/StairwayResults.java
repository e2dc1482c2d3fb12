package dev.stepwise.bench.stairway;

import dev.stepwise.bench.current.LauncherScript;
import dev.stepwise.bench.report.Figures;
import dev.stepwise.bench.report.Goal;
import dev.stepwise.bench.report.MarkdownTable;
import dev.stepwise.bench.report.Measurements;
import dev.stepwise.bench.report.Median;
import dev.stepwise.bench.report.RunContext;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The stairway benchmark's result file, {@code stairway-<n>.md}. */
public final class StairwayResults {

    /** The goal for {@code ./stepwise -C examples/shop test}, whole process. */
    static final double SHOP_SECONDS = 30.0;

    private final StairwayBenchmark.Setup setup;
    private final String history;

    /** {@code history} says what the migrations do, for the header. */
    public StairwayResults(StairwayBenchmark.Setup setup, String history) {
        this.setup = setup;
        this.history = history;
    }

    public String markdown(StairwayBenchmark.Result r, RunContext context, int runs) throws java.io.IOException {
        int n = setup.migrations();
        Measurements api = r.api();
        Measurements p = r.processes();
        StringBuilder b = new StringBuilder();
        b.append("# `stepwise test` (the stairway) of ").append(n).append(" migrations, against `upgrade head` of the same history\n\n")
                .append(context.markdown())
                .append("- machine load: the 1-minute load average before each run was ")
                .append(Figures.ratioList(r.loadAverages())).append(" on ").append(context.cores())
                .append(" cores, the benchmark's own previous run included\n")
                .append("- runs: ").append(runs).append(" of each, every one on a fresh empty database from template0 after")
                .append(" a `CHECKPOINT`; the API pair alternating which goes first, after one unmeasured run of each;")
                .append(" the processes likewise, after one unmeasured run of each\n")
                .append("- history: ").append(history).append('\n')
                .append("- processes: the launcher `./stepwise` as users run it (its JVM options: ")
                .append(String.join(" ", new LauncherScript(setup.launcher().repositoryRoot()).javaOptions()))
                .append("), timed from process start to exit\n");

        MarkdownTable goals = new MarkdownTable("goal", "measured", "target", "verdict");
        Goal shop = Goal.under("`./stepwise -C examples/shop test`, whole process", p.median(StairwayBenchmark.SHOP_TEST),
                SHOP_SECONDS);
        goals.row(shop.description(), Figures.seconds(shop.value()), shop.target(Figures::seconds), shop.verdict());
        b.append("\n## Goal\n\n").append(goals.render());

        b.append("\n## In this JVM (Java API), ").append(n).append(" migrations\n\n")
                .append(runsTable(api, List.of(StairwayBenchmark.API_UPGRADE, StairwayBenchmark.API_TEST,
                        StairwayBenchmark.API_WALK), StairwayBenchmark.API_UPGRADE, n))
                .append('\n').append(derived(api, StairwayBenchmark.API_TEST, StairwayBenchmark.API_UPGRADE, n,
                        "test, total"))
                .append(derived(api, StairwayBenchmark.API_WALK, StairwayBenchmark.API_UPGRADE, n,
                        "the walk alone"))
                .append("\nWith a given database (here a DataSource, as with `--url`) `test` walks the history and then")
                .append(" downgrades the database to base, so that the next test finds it empty: the total includes that")
                .append(" downgrade; the walk is the total less it.\n");

        b.append("\n### Where the test's time goes (Java API)\n\n").append(partsTable(r.parts(), n))
                .append("\nFrom the run's own `migrationStarted` / `migrationCompleted` events (no hook in core): a leg is")
                .append(" the time from one to the other (the runner's transaction, statements, version-table move and")
                .append(" history row); what lies between one leg and the next is charged to the leg before it: the")
                .append(" schema read from the catalog, the comparison with the expected schema, and the runner's checks")
                .append(" before the next leg; after the second up, also the next migration's lint (reported, never")
                .append(" refused). For scale: ").append(Figures.millis(api.median(StairwayBenchmark.SCHEMA_READ_HEAD) * 1000))
                .append(" for one schema read of the database at head (median of the upgrade runs: ")
                .append(Figures.secondsList3(api.runs(StairwayBenchmark.SCHEMA_READ_HEAD)))
                .append(" s), where the walk's ").append(3 * n + 1).append(" reads meet a schema growing from nothing to that.\n");

        b.append("\n## Whole processes, ").append(n).append(" migrations\n\n")
                .append(runsTable(p, List.of(StairwayBenchmark.CLI_UPGRADE, StairwayBenchmark.CLI_TEST),
                        StairwayBenchmark.CLI_UPGRADE, n))
                .append('\n').append(derived(p, StairwayBenchmark.CLI_TEST, StairwayBenchmark.CLI_UPGRADE, n,
                        "`test`, whole process"));

        MarkdownTable shopTable = new MarkdownTable("command", "median (whole process)", "min", "max", "runs (s, in order)");
        List<Double> shopRuns = p.runs(StairwayBenchmark.SHOP_TEST);
        shopTable.row(StairwayBenchmark.SHOP_TEST, Figures.seconds(p.median(StairwayBenchmark.SHOP_TEST)),
                Figures.seconds(Collections.min(shopRuns)), Figures.seconds(Collections.max(shopRuns)),
                Figures.secondsList(shopRuns));
        b.append("\n## The shop example\n\n").append(shopTable.render())
                .append("\nIts seven migrations (an expand and its contract among them) on the project's own embedded")
                .append(" PostgreSQL, started or joined from its kept data directory, a throwaway database made and")
                .append(" dropped on it; one unmeasured run first.\n");
        return b.toString();
    }

    private static String runsTable(Measurements m, List<String> rows, String baseline, int n) {
        MarkdownTable t = new MarkdownTable("run", "median", "min", "max", "per migration",
                "ratio to `upgrade` (median of pairwise)", "runs (s, in order)", "pairwise ratios");
        for (String row : rows) {
            List<Double> runs = m.runs(row);
            double median = m.median(row);
            t.row(row, Figures.seconds(median), Figures.seconds(Collections.min(runs)),
                    Figures.seconds(Collections.max(runs)), Figures.millis(median * 1000 / n),
                    Figures.ratio(m.medianRatio(row, baseline)), Figures.secondsList(runs),
                    Figures.ratioList(m.ratios(row, baseline)));
        }
        return t.render();
    }

    /** The ratio and the overhead per migration step, both from the runs pair by pair. */
    private static String derived(Measurements m, String stairway, String upgrade, int n, String what) {
        List<Double> mine = m.runs(stairway);
        List<Double> theirs = m.runs(upgrade);
        List<Double> perStep = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            perStep.add((mine.get(i) - theirs.get(i)) * 1000 / n);
        }
        return String.format(Locale.ROOT, "- %s / `upgrade head`: **%s** (pairwise %s); overhead per migration step,"
                        + " (stairway − upgrade) / %d: **%s** (pairwise: %s ms)%n", what,
                Figures.ratio(m.medianRatio(stairway, upgrade)), Figures.ratioList(m.ratios(stairway, upgrade)), n,
                Figures.millis(Median.of(perStep)), Figures.ratioList(perStep));
    }

    private static String partsTable(List<Map<LegTimings.Part, Double>> parts, int n) {
        MarkdownTable t = new MarkdownTable("part", "median", "per migration", "share of the total (median)",
                "runs (s, in order)");
        List<Double> totals = new ArrayList<>();
        for (Map<LegTimings.Part, Double> run : parts) {
            totals.add(run.values().stream().mapToDouble(Double::doubleValue).sum());
        }
        for (LegTimings.Part part : LegTimings.Part.values()) {
            List<Double> runs = parts.stream().map(run -> run.get(part)).toList();
            List<Double> shares = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                shares.add(runs.get(i) / totals.get(i));
            }
            double median = Median.of(runs);
            t.row(part.label, Figures.seconds(median), Figures.millis(median * 1000 / n),
                    String.format(Locale.ROOT, "%.1f %%", Median.of(shares) * 100), Figures.secondsList(runs));
        }
        return t.render();
    }
}
