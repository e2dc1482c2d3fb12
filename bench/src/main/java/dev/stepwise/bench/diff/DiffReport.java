package dev.stepwise.bench.diff;

import dev.stepwise.bench.report.Figures;
import dev.stepwise.bench.report.Goal;
import dev.stepwise.bench.report.MarkdownTable;
import dev.stepwise.bench.report.Measurements;
import dev.stepwise.bench.report.RunContext;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The diff benchmark's results file: the two tools side by side, the goals, what each found, the check. */
final class DiffReport {

    static final double INTROSPECT_LIMIT_SECONDS = 2.0;
    static final double DIFF_LIMIT_SECONDS = 0.5;
    /** The differing objects listed in the file; the rest are counted. */
    private static final int LISTED_DIFFERENCES = 20;

    private DiffReport() {
    }

    static String markdown(DiffBenchmark.Result result, RunContext context, int tables, int runs) {
        Measurements m = result.measurements();
        DiffBenchmark.Findings found = result.findings();
        StringBuilder md = new StringBuilder();
        md.append("# Introspecting and diffing two schemas of ").append(String.format(Locale.ROOT, "%,d", tables))
                .append(" tables\n\n")
                .append(context.markdown())
                .append("- runs: ").append(runs).append(" (both tools in each, the first alternating, after one"
                        + " unmeasured run of each), in the benchmark's JVM; connections opened before the clock starts\n")
                .append("- load average (1 min) before each run: ")
                .append(result.loadAverages().stream().map(l -> String.format(Locale.ROOT, "%.2f", l))
                        .collect(java.util.stream.Collectors.joining(", "))).append("\n")
                .append("- A: ").append(tables).append(" tables of 10 columns (bigint identity primary key, bigint,"
                        + " text, varchar(32), numeric(12,2), integer, boolean, timestamptz, jsonb, uuid), 3 secondary"
                        + " indexes (one unique, one partial) and a foreign key to an earlier table each; B: a copy of"
                        + " A with the differences below. Building them (not measured) took ")
                .append(Figures.seconds(result.buildSeconds())).append("\n\n");

        md.append("| measure | Stepwise median | min | max | Liquibase 4.33 median | min | max"
                + " | Liquibase / Stepwise (median of pairwise) |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        sideBySide(md, m, "introspect A (Liquibase: snapshot of A)", DiffBenchmark.INTROSPECT_A, DiffBenchmark.SNAPSHOT_A);
        stepwiseOnly(md, m, "introspect B", DiffBenchmark.INTROSPECT_B);
        stepwiseOnly(md, m, "diff of the two models", DiffBenchmark.DIFF);
        stepwiseOnly(md, m, "render the changes as SQL", DiffBenchmark.RENDER);
        sideBySide(md, m, "the whole diff: read both, compare, write the changes (Liquibase: `diffChangelog` to an"
                + " XML file)", DiffBenchmark.STEPWISE_TOTAL, DiffBenchmark.DIFF_CHANGELOG);

        md.append("\n## Goals (issue 6)\n\n");
        MarkdownTable goals = new MarkdownTable("goal", "median", "target", "verdict");
        for (Goal g : List.of(
                Goal.under("introspect A", m.median(DiffBenchmark.INTROSPECT_A), INTROSPECT_LIMIT_SECONDS),
                Goal.under("introspect B", m.median(DiffBenchmark.INTROSPECT_B), INTROSPECT_LIMIT_SECONDS),
                Goal.under("diff of the two models", m.median(DiffBenchmark.DIFF), DIFF_LIMIT_SECONDS))) {
            goals.row(g.description(), seconds(g.value()), g.target(Figures::seconds), g.verdict());
        }
        md.append(goals.render());

        md.append("\n## What each found\n\nThe differences B has from A:\n\n");
        result.planned().forEach((what, n) -> md.append("- ").append(what).append(": ").append(n).append('\n'));
        md.append("\nBoth tools also drop a dropped table's own foreign key as a change of its own, and make a new"
                + " table's indexes and foreign key as changes of their own.\n");
        DiffBenchmark.StepwiseFound stepwise = found.stepwise();
        LiquibaseChangelog changelog = found.liquibase().changelog();
        md.append("\nStepwise read ").append(stepwise.tablesA()).append(" tables in A and ").append(stepwise.tablesB())
                .append(" in B, and found ").append(stepwise.total()).append(" changes (rendered as ")
                .append(stepwise.statements()).append(" statements); Liquibase's snapshot of A held ")
                .append(found.liquibase().snapshotTables()).append(" tables, and its changelog ")
                .append(changelog.changeSets()).append(" changesets of ").append(changelog.changes()).append(" changes.\n\n");
        md.append(kinds("Stepwise change", stepwise.changes()));
        md.append('\n').append(kinds("Liquibase change", changelog.changesByKind()));
        if (!stepwise.notes().isEmpty()) {
            md.append("\nStepwise's diff noted: ").append(String.join("; ", stepwise.notes())).append('\n');
        }

        md.append("\n## Correctness of the Stepwise side\n\n");
        DiffBenchmark.Check check = result.check();
        md.append("A third copy of A, with Stepwise's rendered diff applied statement by statement in autocommit ("
                        + check.statementsApplied() + " statements applied), then introspected: equal to B's model: **")
                .append(check.matches() ? "yes" : "no").append("**.\n");
        if (check.failure() != null) {
            md.append("\nA statement failed, and the rest were not applied: ").append(check.failure()).append('\n');
        }
        if (!check.differences().isEmpty()) {
            md.append("\n").append(check.differences().size()).append(" objects differ (a diff from the result to B finds ")
                    .append(check.changesLeft()).append(" changes):\n\n");
            check.differences().stream().limit(LISTED_DIFFERENCES).forEach(d -> md.append("- ").append(d).append('\n'));
            if (check.differences().size() > LISTED_DIFFERENCES) {
                md.append("- and ").append(check.differences().size() - LISTED_DIFFERENCES).append(" more\n");
            }
        }

        md.append("\n## Every run (s, in order)\n\n");
        MarkdownTable raw = new MarkdownTable("measure", "runs");
        m.tools().forEach(t -> raw.row(t, Figures.secondsList3(m.runs(t))));
        md.append(raw.render());
        md.append("\nStepwise: `new PostgresIntrospector().introspect(connection, Scope.ALL)` of each database,"
                + " `SchemaDiff.between(a, b)`, and `ChangeRenderer.render` of every change; its total is the four"
                + " in one run. Liquibase: `SnapshotGeneratorFactory.createSnapshot` of A's default schema with"
                + " its default snapshot types, and the `diffChangelog` command (`CommandScope`) with A as the"
                + " database and B as the reference, writing a new XML changelog. Goals: introspection under 2 s,"
                + " the diff under 0.5 s, in-process.\n");
        return md.toString();
    }

    private static void sideBySide(StringBuilder md, Measurements m, String what, String stepwise, String liquibase) {
        md.append("| ").append(what).append(" | ").append(spread(m, stepwise)).append(" | ").append(spread(m, liquibase))
                .append(" | ").append(Figures.ratio(m.medianRatio(liquibase, stepwise))).append(" |\n");
    }

    private static void stepwiseOnly(StringBuilder md, Measurements m, String what, String stepwise) {
        md.append("| ").append(what).append(" | ").append(spread(m, stepwise)).append(" | | | | |\n");
    }

    /** Median, min and max as three cells. */
    private static String spread(Measurements m, String measure) {
        List<Double> runs = m.runs(measure);
        double min = runs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = runs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return seconds(m.median(measure)) + " | " + seconds(min) + " | " + seconds(max);
    }

    /** Three decimals: the diff and the render take milliseconds. */
    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f s", s);
    }

    private static String kinds(String header, Map<String, Integer> byKind) {
        MarkdownTable table = new MarkdownTable(header, "count");
        byKind.forEach((kind, n) -> table.row(kind, String.valueOf(n)));
        return table.render();
    }
}
