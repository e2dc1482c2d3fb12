package dev.stepwise.bench.stairway;

import dev.stepwise.Stepwise;
import dev.stepwise.bench.current.LauncherScript;
import dev.stepwise.bench.report.Measurements;
import dev.stepwise.bench.server.BenchDatabase;
import dev.stepwise.bench.server.BenchServer;
import dev.stepwise.bench.status.TimedProcess;
import dev.stepwise.command.TestCommand;
import dev.stepwise.dialect.SchemaIntrospector;
import dev.stepwise.postgres.introspect.PostgresIntrospector;
import dev.stepwise.stairway.StairwayReport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The stairway's overhead: {@code stepwise test} (every migration up, down and up again, the
 * schema read after each leg) of a history against a plain {@code upgrade head} of the same
 * history, each run on a fresh empty database of the benchmark's server. In this JVM through the
 * Java API (the two alternating which goes first, after one unmeasured run of each), then whole
 * processes through the launcher with {@code --url}, then {@code ./stepwise -C examples/shop test}
 * on its embedded default, as the goal states it.
 */
public final class StairwayBenchmark {

    static final String API_UPGRADE = "upgrade(\"head\")";
    static final String API_TEST = "test(SCHEMA_ONLY), total";
    static final String API_WALK = "test(SCHEMA_ONLY), the walk (without the downgrade to base)";
    static final String CLI_UPGRADE = "./stepwise --url ... upgrade head";
    static final String CLI_TEST = "./stepwise --url ... test";
    static final String SHOP_TEST = "./stepwise -C examples/shop test (embedded default)";
    static final String SCHEMA_READ_HEAD = "one schema read at head";

    /**
     * What the benchmark runs.
     *
     * @param project    a Stepwise project (stepwise.toml without a URL, migrations/) of the history
     * @param migrations how many migrations it has
     * @param tables     how many tables it leaves at head (a run that applied less must not count)
     * @param logs       where each process's output is kept
     */
    public record Setup(BenchServer server, LauncherScript launcher, Path project, int migrations, int tables,
                        Path logs) {
    }

    /**
     * Everything measured: the API runs (with {@link #API_WALK} and {@link #SCHEMA_READ_HEAD}),
     * the parts of each API test run, the whole processes, and the 1-minute load average before
     * each run.
     */
    public record Result(Measurements api, List<Map<LegTimings.Part, Double>> parts, Measurements processes,
                         List<Double> loadAverages) {
    }

    private final Setup setup;

    public StairwayBenchmark(Setup setup) {
        this.setup = setup;
    }

    public Result run(int runs) throws Exception {
        System.out.println("bench: stairway, API warm-up");
        upgrade("warmup");
        test("warmup", new LegTimings());
        Measurements api = new Measurements();
        List<Map<LegTimings.Part, Double>> parts = new ArrayList<>();
        List<Double> load = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            load.add(loadAverage());
            boolean upgradeFirst = run % 2 == 0;
            for (int leg = 0; leg < 2; leg++) {
                if ((leg == 0) == upgradeFirst) {
                    UpgradeRun u = upgrade("r" + run);
                    api.add(API_UPGRADE, run, u.seconds());
                    api.add(SCHEMA_READ_HEAD, run, u.schemaReadSeconds());
                    System.out.printf("bench: stairway, API run %d/%d, %-40s %.2f s%n", run + 1, runs, API_UPGRADE,
                            u.seconds());
                } else {
                    LegTimings timings = new LegTimings();
                    double seconds = test("r" + run, timings);
                    api.add(API_TEST, run, seconds);
                    api.add(API_WALK, run, timings.walkSeconds(seconds));
                    parts.add(timings.seconds(seconds));
                    System.out.printf("bench: stairway, API run %d/%d, %-40s %.2f s%n", run + 1, runs, API_TEST, seconds);
                }
            }
        }
        Measurements processes = processes(runs);
        return new Result(api, parts, processes, load);
    }

    /** One {@code upgrade("head")}: its time, and then one schema read of the database it left. */
    private record UpgradeRun(double seconds, double schemaReadSeconds) {
    }

    private UpgradeRun upgrade(String label) throws Exception {
        BenchDatabase db = setup.server().createDatabase("stairway_upgrade_" + label);
        try {
            prepare();
            long start = System.nanoTime();
            try (Stepwise stepwise = configure(db).build()) {
                stepwise.upgrade("head");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            requireTables(db, setup.tables(), API_UPGRADE);
            // what one of the stairway's reads costs on the largest schema it meets (the walk reads
            // after every leg, on a schema that grows from nothing to this)
            try (Connection c = db.connect()) {
                long read = System.nanoTime();
                new PostgresIntrospector().introspect(c, SchemaIntrospector.Scope.ALL);
                return new UpgradeRun(seconds, (System.nanoTime() - read) / 1e9);
            }
        } finally {
            setup.server().drop(db);
        }
    }

    private double test(String label, LegTimings timings) {
        BenchDatabase db = setup.server().createDatabase("stairway_test_" + label);
        try {
            prepare();
            long start = System.nanoTime();
            StairwayReport report;
            try (Stepwise stepwise = configure(db).listener(timings).build()) {
                report = stepwise.test(TestCommand.Request.SCHEMA_ONLY);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!report.passed() || report.steps().size() != setup.migrations()) {
                throw new IllegalStateException("test() walked " + report.steps().size() + " of " + setup.migrations()
                        + " migrations and " + (report.passed() ? "passed" : "failed: " + report.steps().stream()
                        .flatMap(s -> s.failures().stream()).limit(5).toList()));
            }
            // test() on a given database takes it back to base
            requireTables(db, 0, API_TEST);
            return seconds;
        } finally {
            setup.server().drop(db);
        }
    }

    private Stepwise.Builder configure(BenchDatabase db) {
        return Stepwise.configure()
                .projectDirectory(setup.project())
                .dataSource(db.dataSource())
                .migrations(setup.project().resolve("migrations"));
    }

    private void prepare() {
        setup.server().checkpoint();
        System.gc();
    }

    /**
     * The launcher with {@code --url} to a fresh database, upgrade and test in turns, after one
     * unmeasured run of each; then the shop's test on its embedded server, after one unmeasured
     * run (which makes its data directory the first time).
     */
    private Measurements processes(int runs) throws Exception {
        String script = setup.launcher().script().toString();
        String dir = setup.project().toAbsolutePath().toString();
        String applied = setup.migrations() + " migration(s) done";
        String walked = "passed: " + setup.migrations() + " migration(s) walked";
        Measurements m = new Measurements();
        for (int run = -1; run < runs; run++) {
            String label = run < 0 ? "warmup" : "r" + run;
            for (String row : run % 2 == 0 ? List.of(CLI_UPGRADE, CLI_TEST) : List.of(CLI_TEST, CLI_UPGRADE)) {
                boolean isTest = row.equals(CLI_TEST);
                BenchDatabase db = setup.server().createDatabase("stairway_cli_" + label + (isTest ? "_test" : "_up"));
                try {
                    List<String> command = new ArrayList<>(List.of(script, "-C", dir, "--url", db.jdbcUrl(), "--user",
                            BenchServer.USER));
                    command.addAll(isTest ? List.of("test") : List.of("upgrade", "head"));
                    setup.server().checkpoint();
                    double seconds = new TimedProcess(row, command, setup.project(), isTest ? walked : applied)
                            .run(setup.logs().resolve("stairway-" + (isTest ? "test" : "upgrade") + "-" + label + ".log"));
                    requireTables(db, isTest ? 0 : setup.tables(), row);
                    if (run >= 0) {
                        m.add(row, run, seconds);
                        System.out.printf("bench: stairway, process run %d/%d, %-40s %.2f s%n", run + 1, runs, row,
                                seconds);
                    }
                } finally {
                    setup.server().drop(db);
                }
            }
        }
        Path root = setup.launcher().repositoryRoot();
        for (int run = -1; run < runs; run++) {
            String label = run < 0 ? "warmup" : "r" + run;
            double seconds = new TimedProcess(SHOP_TEST, List.of(script, "-C", "examples/shop", "test"), root, "passed: ")
                    .run(setup.logs().resolve("stairway-shop-" + label + ".log"));
            if (run >= 0) {
                m.add(SHOP_TEST, run, seconds);
                System.out.printf("bench: stairway, shop run %d/%d %.2f s%n", run + 1, runs, seconds);
            }
        }
        return m;
    }

    private static void requireTables(BenchDatabase db, int expected, String what) {
        int tables = db.benchTables();
        if (tables != expected) {
            throw new IllegalStateException(what + " left " + tables + " of " + expected + " tables in " + db.name());
        }
    }

    /** On 2 cores, anything much above the 1 the benchmark adds is someone else's work. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
