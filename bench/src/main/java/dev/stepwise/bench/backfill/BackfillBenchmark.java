package dev.stepwise.bench.backfill;

import dev.stepwise.Stepwise;
import dev.stepwise.bench.load.LatencyWindow;
import dev.stepwise.bench.load.PointLoad;
import dev.stepwise.bench.load.PointStatements;
import dev.stepwise.bench.report.MarkdownTable;
import dev.stepwise.bench.report.Median;
import dev.stepwise.bench.report.RunContext;
import dev.stepwise.bench.server.BenchDatabase;
import dev.stepwise.bench.server.BenchServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Backfilling a million rows while the application reads and writes the same table: once as the
 * single {@code UPDATE} a plain migration tool sends, once as a Stepwise batched statement. Each
 * run gets a fresh copy of the same table; the modes alternate, the first of each run rotating.
 */
public final class BackfillBenchmark {

    static final String STATEMENT = "UPDATE orders SET status = 'pending' WHERE status IS NULL";
    private static final String TEMPLATE = "backfill_template";
    private static final long LOAD_WARMUP_MILLIS = 1000;
    /** The load reads and writes columns the backfill does not touch. */
    private static final PointStatements LOAD = new PointStatements("SELECT total, status FROM orders WHERE id = ?",
            "UPDATE orders SET note = ? WHERE id = ?");

    /**
     * What a run of the benchmark uses.
     *
     * @param rows      the table's size
     * @param clients   concurrent clients of the point load
     * @param rates     the loads to measure under: requests per second per client, 0 for back to back
     * @param directive the {@code -- stepwise:batch} options of the batched run
     */
    public record Setup(BenchServer server, int rows, int clients, List<Integer> rates, String directive,
                        Path workDirectory) {
    }

    /** One measured backfill and the load around it. */
    record Run(double seconds, long rowsChanged, LatencyWindow load) {
    }

    /** The runs of each mode under one load. */
    public record Results(int ratePerClient, Map<String, List<Run>> runs) {
    }

    private final Setup setup;

    public BackfillBenchmark(Setup setup) {
        this.setup = setup;
    }

    private interface Backfill {
        long run(BenchDatabase db) throws Exception;
    }

    public List<Results> run(int runs) throws Exception {
        createTemplate();
        Path project = writeProject();
        Map<String, Backfill> modes = new LinkedHashMap<>();
        modes.put("single UPDATE", this::single);
        modes.put("Stepwise batched (" + setup.directive() + ")", db -> batched(db, project));
        List<String> names = new ArrayList<>(modes.keySet());
        List<Results> all = new ArrayList<>();
        for (int rate : setup.rates()) {
            Map<String, List<Run>> results = new LinkedHashMap<>();
            names.forEach(n -> results.put(n, new ArrayList<>()));
            for (int r = 0; r < runs; r++) {
                for (int k = 0; k < names.size(); k++) {
                    String name = names.get((k + r) % names.size());
                    Run run = measure(modes.get(name), rate, r);
                    results.get(name).add(run);
                    System.out.printf(Locale.ROOT, "bench: backfill, load %s, run %d/%d, %-32s %6.2f s,"
                                    + " load p99.9 %7.1f ms, max %7.1f ms%n", loadName(rate), r + 1, runs, name,
                            run.seconds(), run.load().p999Millis(), run.load().maxMillis());
                }
            }
            all.add(new Results(rate, results));
        }
        return all;
    }

    private String loadName(int rate) {
        return rate == 0 ? setup.clients() + " clients back to back"
                : setup.clients() + " clients at " + rate + " requests/s each";
    }

    private Run measure(Backfill backfill, int rate, int repetition) throws Exception {
        BenchDatabase db = setup.server().copyDatabase("backfill", TEMPLATE);
        try {
            setup.server().checkpoint();
            try (PointLoad load = new PointLoad(db, new PointLoad.Shape(setup.clients(), rate, setup.rows(), LOAD),
                    42L + repetition)) {
                Thread.sleep(LOAD_WARMUP_MILLIS);
                long start = System.nanoTime();
                long changed = backfill.run(db);
                long end = System.nanoTime();
                LatencyWindow window = load.stopAndMeasure(start, end);
                long left = count(db, "SELECT count(*) FROM orders WHERE status IS NULL");
                if (left != 0 || changed != setup.rows()) {
                    throw new IllegalStateException("the backfill left " + left + " rows and changed " + changed);
                }
                return new Run((end - start) / 1e9, changed, window);
            }
        } finally {
            setup.server().drop(db);
        }
    }

    private long single(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            return s.executeUpdate(STATEMENT);
        }
    }

    private long batched(BenchDatabase db, Path project) {
        try (Stepwise stepwise = Stepwise.configure().projectDirectory(project).dataSource(db.dataSource())
                .migrations(project.resolve("migrations")).build()) {
            stepwise.upgrade("head");
        }
        return setup.rows() - count(db, "SELECT count(*) FROM orders WHERE status IS NULL");
    }

    private void createTemplate() throws SQLException {
        BenchDatabase db = setup.server().createDatabase("backfill_template_build");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id bigint PRIMARY KEY, status text, total numeric(12, 2) NOT NULL, note text)");
            s.execute("INSERT INTO orders (id, total) SELECT g, (g % 10000) / 100.0 FROM generate_series(1, "
                    + setup.rows() + ") g");
            s.execute("VACUUM ANALYZE orders");
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        }
        setup.server().rename(db, TEMPLATE);
    }

    private Path writeProject() throws IOException {
        Path project = setup.workDirectory().resolve("backfill");
        Path migrations = Files.createDirectories(project.resolve("migrations"));
        try (var old = Files.list(migrations)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(project.resolve("stepwise.toml"), "migrations = \"migrations\"\n");
        Files.writeString(migrations.resolve("20260101000000_b0000000000b_backfill_status.sql"), """
                -- revision: b0000000000b
                -- down_revision: none
                -- message: backfill status
                -- reversible: no

                -- +up
                -- stepwise:batch %s
                %s;

                -- +down
                """.formatted(setup.directive(), STATEMENT));
        return project;
    }

    private static long count(BenchDatabase db, String query) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    public String report(List<Results> all, RunContext context, int runs) {
        StringBuilder tables = new StringBuilder();
        for (Results results : all) {
            tables.append("\n## Load: ").append(loadName(results.ratePerClient())).append("\n\n")
                    .append(table(results.runs()));
        }
        return "# Backfilling " + fmt("%,d", setup.rows()) + " rows under load\n\n"
                + context.markdown()
                + "- runs: " + runs + " per mode and load (modes alternating, the first rotating), each on a fresh"
                + " copy of the table\n"
                + "- statement: `" + STATEMENT + "`\n"
                + "- load: " + setup.clients() + " clients, each reading or writing (50/50) one random order by key in"
                + " autocommit; a write sets `note`, a column the backfill does not touch. At a fixed rate, latency"
                + " counts from when a request was due; back to back, the clients take all the CPU they can get"
                + " (2 cores here, shared with the server). Measured over the requests due while the backfill ran.\n"
                + tables
                + "\nMedians over the runs. Goal: batched throughput at least 0.75× the single statement's, with the"
                + " load's p99.9 latency under 50 ms.\n";
    }

    private String table(Map<String, List<Run>> results) {
        String single = results.keySet().iterator().next();
        double singleRate = Median.of(results.get(single).stream().map(r -> r.rowsChanged() / r.seconds()).toList());
        MarkdownTable table = new MarkdownTable("backfill", "median time", "rows/s", "throughput vs single UPDATE",
                "load requests/s", "load p99.9", "load max", "runs: time (s) / p99.9 / max (ms)");
        for (Map.Entry<String, List<Run>> e : results.entrySet()) {
            List<Run> rs = e.getValue();
            double rate = Median.of(rs.stream().map(r -> r.rowsChanged() / r.seconds()).toList());
            table.row(e.getKey(),
                    fmt("%.2f s", Median.of(values(rs, Run::seconds))),
                    fmt("%,.0f", rate),
                    fmt("%.2f×", rate / singleRate),
                    fmt("%,.0f", Median.of(values(rs, r -> r.load().requestsPerSecond()))),
                    fmt("%.1f ms", Median.of(values(rs, r -> r.load().p999Millis()))),
                    fmt("%.1f ms", Median.of(values(rs, r -> r.load().maxMillis()))),
                    String.join("; ", rs.stream().map(r -> fmt("%.2f / %.1f / %.1f", r.seconds(), r.load().p999Millis(),
                            r.load().maxMillis())).toList()));
        }
        return table.render();
    }

    private static List<Double> values(List<Run> runs, Function<Run, Double> f) {
        return runs.stream().map(f).toList();
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
