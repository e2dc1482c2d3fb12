package dev.stepwise.bench.diff;

import dev.stepwise.bench.report.Measurements;
import dev.stepwise.bench.server.BenchDatabase;
import dev.stepwise.bench.server.BenchServer;
import dev.stepwise.diff.SchemaChange;
import dev.stepwise.diff.SchemaDiff;
import dev.stepwise.dialect.SchemaIntrospector;
import dev.stepwise.postgres.diff.ChangeRenderer;
import dev.stepwise.postgres.introspect.PostgresIntrospector;
import dev.stepwise.schema.SchemaModel;
import liquibase.database.Database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Introspecting and diffing two large schemas, Stepwise against Liquibase's {@code diffChangelog},
 * in this JVM, on the same two databases: A ({@link DiffSchemas}) and B, a copy of A with a
 * release's worth of differences. Building the databases is not measured. Each run measures both
 * tools, the first of them alternating, after one unmeasured run of each; then the rendered diff
 * is applied to a third copy of A, which must then read as B.
 */
public final class DiffBenchmark {

    static final String INTROSPECT_A = "Stepwise introspect A";
    static final String INTROSPECT_B = "Stepwise introspect B";
    static final String DIFF = "Stepwise diff";
    static final String RENDER = "Stepwise render";
    static final String STEPWISE_TOTAL = "Stepwise total";
    static final String SNAPSHOT_A = "Liquibase snapshot A";
    static final String DIFF_CHANGELOG = "Liquibase diffChangelog";

    public record Setup(BenchServer server, int tables, Path workDirectory) {
    }

    /** What Stepwise read and found in one run: tables in each model, changes by kind, rendered statements. */
    record StepwiseFound(int tablesA, int tablesB, Map<String, Integer> changes, int statements, List<String> notes) {

        int total() {
            return changes.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** What Liquibase read and found in one run: the tables of its snapshot of A, and the changelog it wrote. */
    record LiquibaseFound(int snapshotTables, LiquibaseChangelog changelog) {
    }

    /** What each tool found in the last run: the sanity check that both saw the differences. */
    record Findings(StepwiseFound stepwise, LiquibaseFound liquibase) {
    }

    /**
     * The correctness check: A with Stepwise's rendered diff applied, read back and compared with B.
     *
     * @param failure the statement that failed and why, or null when all applied
     */
    record Check(int statementsApplied, String failure, List<String> differences, int changesLeft) {

        boolean matches() {
            return failure == null && differences.isEmpty();
        }
    }

    /** @param loadAverages the machine's 1-minute load average before each measured run */
    record Result(Measurements measurements, Findings findings, Check check, double buildSeconds,
                  Map<String, Integer> planned, List<Double> loadAverages) {
    }

    private final Setup setup;
    private final DiffSchemas schemas;
    private final SchemaIntrospector introspector = new PostgresIntrospector();
    private final ChangeRenderer renderer = new ChangeRenderer();
    private final Path changelogs;

    public DiffBenchmark(Setup setup) throws java.io.IOException {
        this.setup = setup;
        this.schemas = new DiffSchemas(setup.tables());
        this.changelogs = Files.createDirectories(setup.workDirectory().resolve("diff"));
    }

    public Result run(int runs) throws Exception {
        long start = System.nanoTime();
        BenchDatabase a = setup.server().createDatabase("diff_a");
        for (String chunk : schemas.schemaA()) {
            execute(a, chunk);
        }
        vacuum(a);
        BenchDatabase b = setup.server().copyDatabase("diff_b", a.name());
        execute(b, schemas.differences());
        vacuum(b);
        BenchDatabase applied = setup.server().copyDatabase("diff_applied", a.name());
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "bench: diff, built A (%d tables) and B in %.1f s%n", setup.tables(), buildSeconds);
        try {
            Measurements m = new Measurements();
            Findings findings = runOnce(a, b, -1, m);
            List<Double> loadAverages = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                loadAverages.add(loadAverage());
                findings = runOnce(a, b, r, m);
                System.out.printf(Locale.ROOT, "bench: diff, run %d/%d: introspect A %.3f s, B %.3f s, diff %.3f s,"
                                + " render %.3f s; Liquibase snapshot A %.2f s, diffChangelog %.2f s%n", r + 1, runs,
                        m.runs(INTROSPECT_A).get(r), m.runs(INTROSPECT_B).get(r), m.runs(DIFF).get(r),
                        m.runs(RENDER).get(r), m.runs(SNAPSHOT_A).get(r), m.runs(DIFF_CHANGELOG).get(r));
            }
            Check check = check(a, b, applied);
            return new Result(m, findings, check, buildSeconds, schemas.plannedDifferences(), loadAverages);
        } finally {
            setup.server().drop(applied);
            setup.server().drop(b);
            setup.server().drop(a);
        }
    }

    /** The results file, {@code diff-<tables>.md}. */
    public String report(Result result, dev.stepwise.bench.report.RunContext context, int runs) {
        return DiffReport.markdown(result, context, setup.tables(), runs);
    }

    /** One run of both tools, the first alternating; run -1 is the unmeasured warm-up. */
    private Findings runOnce(BenchDatabase a, BenchDatabase b, int run, Measurements m) throws Exception {
        String label = run < 0 ? "warm-up" : "run " + (run + 1);
        System.out.println("bench: diff, " + label);
        Measurements into = run < 0 ? new Measurements() : m;
        int slot = Math.max(run, 0);
        StepwiseFound stepwise;
        LiquibaseFound liquibase;
        if (run % 2 == 0) {
            stepwise = stepwise(a, b, into, slot);
            liquibase = liquibase(a, b, into, slot, label);
        } else {
            liquibase = liquibase(a, b, into, slot, label);
            stepwise = stepwise(a, b, into, slot);
        }
        return new Findings(stepwise, liquibase);
    }

    private StepwiseFound stepwise(BenchDatabase a, BenchDatabase b, Measurements m, int slot) throws Exception {
        try (Connection ca = a.connect(); Connection cb = b.connect()) {
            System.gc();
            long t0 = System.nanoTime();
            SchemaModel modelA = introspector.introspect(ca, SchemaIntrospector.Scope.ALL);
            long t1 = System.nanoTime();
            SchemaModel modelB = introspector.introspect(cb, SchemaIntrospector.Scope.ALL);
            long t2 = System.nanoTime();
            SchemaDiff.Result diff = SchemaDiff.between(modelA, modelB);
            long t3 = System.nanoTime();
            List<String> sql = render(diff.changes());
            long t4 = System.nanoTime();
            m.add(INTROSPECT_A, slot, (t1 - t0) / 1e9);
            m.add(INTROSPECT_B, slot, (t2 - t1) / 1e9);
            m.add(DIFF, slot, (t3 - t2) / 1e9);
            m.add(RENDER, slot, (t4 - t3) / 1e9);
            m.add(STEPWISE_TOTAL, slot, (t4 - t0) / 1e9);
            requireTables("Stepwise's model of A", modelA.tables().size(), setup.tables());
            Map<String, Integer> kinds = new TreeMap<>();
            diff.changes().forEach(c -> kinds.merge(c.getClass().getSimpleName(), 1, Integer::sum));
            return new StepwiseFound(modelA.tables().size(), modelB.tables().size(), kinds, sql.size(), diff.notes());
        }
    }

    private LiquibaseFound liquibase(BenchDatabase a, BenchDatabase b, Measurements m, int slot, String label)
            throws Exception {
        int tables;
        try (Database da = LiquibaseDiff.open(a)) {
            System.gc();
            long t0 = System.nanoTime();
            tables = LiquibaseDiff.snapshot(da);
            m.add(SNAPSHOT_A, slot, (System.nanoTime() - t0) / 1e9);
        }
        requireTables("Liquibase's snapshot of A", tables, setup.tables());
        Path changelog = changelogs.resolve("changelog-" + label.replace(' ', '-') + ".xml");
        Files.deleteIfExists(changelog);
        try (Database target = LiquibaseDiff.open(a); Database reference = LiquibaseDiff.open(b)) {
            System.gc();
            long t0 = System.nanoTime();
            LiquibaseDiff.diffChangelog(target, reference, changelog);
            m.add(DIFF_CHANGELOG, slot, (System.nanoTime() - t0) / 1e9);
        }
        LiquibaseChangelog found = LiquibaseChangelog.read(changelog);
        if (found.changeSets() == 0) {
            throw new IllegalStateException("Liquibase's diffChangelog found no difference between A and B (" + changelog + ")");
        }
        return new LiquibaseFound(tables, found);
    }

    private List<String> render(List<SchemaChange> changes) {
        List<String> sql = new ArrayList<>();
        changes.forEach(c -> sql.addAll(renderer.render(c)));
        return sql;
    }

    /**
     * A with Stepwise's diff applied, statement by statement in autocommit (the safe forms build
     * indexes {@code CONCURRENTLY}, which no transaction may hold), read back and compared with B.
     */
    private Check check(BenchDatabase a, BenchDatabase b, BenchDatabase applied) throws SQLException {
        SchemaModel modelB;
        List<String> sql;
        try (Connection ca = a.connect(); Connection cb = b.connect()) {
            SchemaModel modelA = introspector.introspect(ca, SchemaIntrospector.Scope.ALL);
            modelB = introspector.introspect(cb, SchemaIntrospector.Scope.ALL);
            sql = render(SchemaDiff.between(modelA, modelB).changes());
        }
        int done = 0;
        String failure = null;
        try (Connection c = applied.connect(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                try {
                    s.execute(statement);
                    done++;
                } catch (SQLException e) {
                    failure = "`" + statement + "`: " + e.getMessage();
                    break;
                }
            }
            SchemaModel result = introspector.introspect(c, SchemaIntrospector.Scope.ALL);
            List<String> differences = ModelComparison.differences(modelB, result);
            int left = SchemaDiff.between(result, modelB).changes().size();
            System.out.printf(Locale.ROOT, "bench: diff, applied %d of %d statements to a copy of A; it %s B%n", done,
                    sql.size(), differences.isEmpty() ? "reads as" : "differs from");
            return new Check(done, failure, differences, left);
        }
    }

    /** On 2 cores, anything much above the 1 the benchmark adds is someone else's work. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private void requireTables(String what, int found, int expected) {
        if (found != expected) {
            throw new IllegalStateException(what + " has " + found + " tables, not " + expected);
        }
    }

    private static void execute(BenchDatabase db, String script) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(script);
        }
    }

    /** Fresh catalog statistics, so the plans of the catalog queries do not change when autovacuum gets to them mid-run. */
    private static void vacuum(BenchDatabase db) throws SQLException {
        execute(db, "VACUUM (ANALYZE)");
    }
}
