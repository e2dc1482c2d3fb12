package dev.stepwise.bench.migrate;

import dev.stepwise.bench.report.Figures;
import dev.stepwise.bench.report.MarkdownTable;
import dev.stepwise.bench.report.Measurements;
import dev.stepwise.bench.report.RunContext;
import dev.stepwise.bench.server.BenchDatabase;
import dev.stepwise.bench.server.BenchServer;

import java.util.ArrayList;
import java.util.List;

/**
 * Applying the whole corpus to an empty database, tool by tool. Each repetition gives every tool a
 * fresh database from {@code template0} and runs the tools in an order rotated by one from the
 * repetition before, so no tool always runs first or last. All tools run in this JVM, after an
 * unmeasured warm-up round, so the figures compare the tools' work rather than JIT start-up.
 */
public final class MigrateBenchmark {

    private final BenchServer server;
    private final List<Migrator> tools;
    private final int migrations;

    /** The floor must come first in {@code tools}: the ratios are taken to it. */
    public MigrateBenchmark(BenchServer server, List<Migrator> tools, int migrations) {
        this.server = server;
        this.tools = List.copyOf(tools);
        this.migrations = migrations;
    }

    /** Runs each tool once on the given tools' corpus without measuring it (JIT, class loading, caches). */
    public static void warmUp(BenchServer server, List<Migrator> tools, int migrations) throws Exception {
        for (Migrator tool : tools) {
            System.out.println("bench: warm-up, " + tool.name());
            new MigrateBenchmark(server, List.of(tool), migrations).runOnce(tool, "warmup");
        }
    }

    public Measurements run(int repetitions) throws Exception {
        Measurements m = new Measurements();
        for (int rep = 0; rep < repetitions; rep++) {
            for (Migrator tool : rotated(tools, rep)) {
                double seconds = runOnce(tool, "r" + rep);
                m.add(tool.name(), rep, seconds);
                System.out.printf("bench: migrate %d, repetition %d/%d, %-16s %.2f s%n", migrations, rep + 1,
                        repetitions, tool.name(), seconds);
            }
        }
        return m;
    }

    private double runOnce(Migrator tool, String label) throws Exception {
        BenchDatabase db = server.createDatabase(label + "_" + tool.name());
        try {
            server.checkpoint();
            System.gc();
            long start = System.nanoTime();
            tool.migrate(db);
            double seconds = (System.nanoTime() - start) / 1e9;
            int tables = db.benchTables();
            if (tables != migrations) {
                throw new IllegalStateException(tool.name() + " left " + tables + " of " + migrations + " tables in " + db.name());
            }
            return seconds;
        } finally {
            server.drop(db);
        }
    }

    static <T> List<T> rotated(List<T> items, int by) {
        List<T> rotated = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            rotated.add(items.get((i + by) % items.size()));
        }
        return rotated;
    }

    /** The result file: a table of medians and ratios, and every run's raw figure. */
    public String report(Measurements m, RunContext context, int repetitions) {
        String floor = tools.get(0).name();
        MarkdownTable table = new MarkdownTable("tool", "median total", "per migration", "ratio to floor (median of pairwise)",
                "runs (s, in repetition order)", "pairwise ratios");
        for (String tool : m.tools()) {
            double median = m.median(tool);
            table.row(tool, Figures.seconds(median), Figures.millis(median * 1000 / migrations),
                    Figures.ratio(m.medianRatio(tool, floor)), Figures.secondsList(m.runs(tool)),
                    Figures.ratioList(m.ratios(tool, floor)));
        }
        return "# Applying " + migrations + " small migrations to an empty database\n\n"
                + context.markdown()
                + "- repetitions: " + repetitions + " (tools in rotating order, a fresh database from template0 for each run;"
                + " one unmeasured warm-up round before)\n"
                + "- each migration: CREATE TABLE, ADD COLUMN, CREATE INDEX, three INSERTs\n\n"
                + table.render()
                + "\nThe floor runs the same statements on one connection, each migration in its own transaction"
                + " with one version-row insert. Goal: Stepwise within 1.3× of the floor.\n";
    }
}
