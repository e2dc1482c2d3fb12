package dev.stepwise.bench.expand;

import dev.stepwise.Stepwise;
import dev.stepwise.bench.current.LauncherScript;
import dev.stepwise.bench.expand.PhaseResult.Run;
import dev.stepwise.bench.expand.PhaseResult.StepResult;
import dev.stepwise.bench.load.PointLoad;
import dev.stepwise.bench.load.PointStatements;
import dev.stepwise.bench.server.BenchDatabase;
import dev.stepwise.bench.server.BenchServer;
import dev.stepwise.command.UpgradeCommand;
import dev.stepwise.run.LockRetry;

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

/**
 * Issue 5's benchmark: {@code --rename-column} and {@code --change-type} on a large table while
 * the application reads and writes it, against the single statements a plain tool sends. Each
 * run of a generator copies the template table afresh, starts the load, measures it alone, then
 * during {@code upgrade --phase expand} and, after a pause, during {@code upgrade} (the
 * contract); each run of a naive statement measures the load alone and during the statement.
 * The modes rotate from one run to the next.
 */
public final class ExpandBenchmark {

    private static final String TEMPLATE = "expand_template";
    /** The load reads and writes columns that exist, unchanged, before, during and after every change. */
    static final PointStatements LOAD = new PointStatements("SELECT customer_id, status FROM orders WHERE id = ?",
            "UPDATE orders SET status = ? WHERE id = ?");
    static final long WARMUP_MILLIS = 1000;
    static final long LOAD_ALONE_MILLIS = 5000;
    /** Between the expand and the contract: the load alone, as while the new code is deployed. */
    static final long PAUSE_MILLIS = 1000;
    /** After the last phase, so every request due in it is sent and counted before the load stops. */
    static final long DRAIN_MILLIS = 2000;

    /**
     * What the benchmark runs.
     *
     * @param subjects the changes, each with its generator and its naive statement
     * @param schedule the runner's lock timeouts
     * @param work     where the projects go
     * @param logs     where the CLI's output is kept
     */
    public record Setup(BenchServer server, LauncherScript launcher, int rows, int clients, int rate,
                        List<ExpandSubject> subjects, LockSchedule schedule, Path work, Path logs) {
    }

    /** A subject's runs: the generator's and the naive statement's, and the migrations it generated. */
    record SubjectResult(ExpandSubject subject, List<Run> stepwise, List<Run> naive, List<Path> migrations,
                         String oldCodeBefore) {
    }

    private interface Mode {
        Run run(BenchDatabase db, PointLoad load) throws Exception;
    }

    private final Setup setup;

    public ExpandBenchmark(Setup setup) {
        this.setup = setup;
    }

    public static Setup setup(BenchServer server, LauncherScript launcher, dev.stepwise.bench.BenchSettings.Expand e,
                              Path work, Path logs) {
        return new Setup(server, launcher, e.rows(), e.clients(), e.rate(),
                List.of(ExpandSubject.renameColumn(), ExpandSubject.changeType()),
                new LockSchedule(e.lockTimeout(), e.lockTimeoutMax()), work.resolve("expand"), logs);
    }

    public ExpandReport run(int runs) throws Exception {
        Map<ExpandSubject, ExpandProject> projects = new LinkedHashMap<>();
        Map<ExpandSubject, List<Path>> generated = new LinkedHashMap<>();
        for (ExpandSubject s : setup.subjects()) {
            ExpandProject p = ExpandProject.write(setup.work().resolve(s.slug()), setup.rows(), setup.schedule());
            System.out.println("bench: expand, generating " + s.commandLine());
            generated.put(s, p.generate(s, setup.launcher(), setup.server(), setup.logs().resolve("expand-generate-"
                    + s.slug() + ".log")));
            projects.put(s, p);
        }
        Map<ExpandSubject, String> oldCode = createTemplate(projects.values().iterator().next());
        Map<String, Mode> modes = new LinkedHashMap<>();
        Map<String, List<Run>> results = new LinkedHashMap<>();
        for (ExpandSubject s : setup.subjects()) {
            modes.put(s.generator(), (db, load) -> stepwise(s, projects.get(s), db, load));
            modes.put(s.naive(), (db, load) -> naive(s, db, load));
        }
        List<String> names = new ArrayList<>(modes.keySet());
        names.forEach(n -> results.put(n, new ArrayList<>()));
        List<Double> loadAverages = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            for (int k = 0; k < names.size(); k++) {
                String name = names.get((k + r) % names.size());
                loadAverages.add(loadAverage());
                Run run = measure(modes.get(name), r);
                results.get(name).add(run);
                for (PhaseResult p : run.phases()) {
                    System.out.printf(Locale.ROOT, "bench: expand, run %d/%d, %-56s %-24s %6.2f s, load p99.9 %7.1f ms,"
                                    + " max %7.1f ms, %d lock retries%n", r + 1, runs, name, p.name(), p.seconds(),
                            p.load().p999Millis(), p.load().maxMillis(), p.lockRetries().size());
                }
            }
        }
        List<SubjectResult> out = new ArrayList<>();
        for (ExpandSubject s : setup.subjects()) {
            out.add(new SubjectResult(s, results.get(s.generator()), results.get(s.naive()), generated.get(s),
                    oldCode.get(s)));
        }
        return new ExpandReport(setup.rows(), setup.clients(), setup.rate(), setup.schedule(), out, runs,
                loadAverages);
    }

    /** The machine's 1-minute load average: on 2 cores, anything much above what the benchmark adds is other work. */
    private static double loadAverage() {
        try {
            return Double.parseDouble(java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (java.io.IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private Run measure(Mode mode, int repetition) throws Exception {
        BenchDatabase db = setup.server().copyDatabase("expand", TEMPLATE);
        try {
            setup.server().checkpoint();
            try (PointLoad load = new PointLoad(db, new PointLoad.Shape(setup.clients(), setup.rate(), setup.rows(),
                    LOAD), 42L + repetition)) {
                Thread.sleep(WARMUP_MILLIS);
                return mode.run(db, load);
            }
        } finally {
            setup.server().drop(db);
        }
    }

    private Run stepwise(ExpandSubject subject, ExpandProject project, BenchDatabase db, PointLoad load)
            throws Exception {
        long t0 = System.nanoTime();
        Thread.sleep(LOAD_ALONE_MILLIS);
        long t1 = System.nanoTime();
        StepTimeline expand = new StepTimeline();
        upgrade(project, db, expand, true);
        long t2 = System.nanoTime();
        // the old code still runs between the phases: that is what the expand is for
        String oldCode = oldCode(db, subject);
        Thread.sleep(Math.max(0, PAUSE_MILLIS - (System.nanoTime() - t2) / 1_000_000));
        StepTimeline contract = new StepTimeline();
        long t3 = System.nanoTime();
        upgrade(project, db, contract, false);
        long t4 = System.nanoTime();
        Thread.sleep(DRAIN_MILLIS);
        load.stop();
        requireNone(db, subject.check(), "the contract");
        return new Run(List.of(PhaseResult.loadAlone((t1 - t0) / 1e9, load.window(t0, t1)),
                phase(PhaseResult.EXPAND, load, expand, t1, t2), phase(PhaseResult.CONTRACT, load, contract, t3, t4)),
                oldCode);
    }

    /** {@code upgrade --phase expand} or {@code upgrade}, as the CLI runs it: a fresh configuration from the project. */
    private void upgrade(ExpandProject project, BenchDatabase db, StepTimeline timeline, boolean expandOnly) {
        try (Stepwise stepwise = Stepwise.configure().projectDirectory(project.directory()).dataSource(db.dataSource())
                .listener(timeline).build()) {
            if (!stepwise.config().lockTimeouts().equals(setup.schedule().timeouts())) {
                throw new IllegalStateException("the runner would use " + stepwise.config().lockTimeouts() + ", not "
                        + setup.schedule().timeouts() + ": is a STEPWISE_LOCK_* variable set?");
            }
            stepwise.upgrade("head", new UpgradeCommand.Options(expandOnly, false, false, false));
        }
    }

    private static PhaseResult phase(String name, PointLoad load, StepTimeline timeline, long from, long to) {
        List<StepTimeline.Step> steps = timeline.steps();
        List<StepResult> results = new ArrayList<>();
        for (StepTimeline.Step s : steps) {
            results.add(new StepResult(s.label(), s.description(), (s.endNanos() - s.startNanos()) / 1e9,
                    load.window(s.startNanos(), Math.max(s.endNanos(), s.startNanos() + 1)), s.batches()));
        }
        var window = load.window(from, to);
        StepTimeline.Step worst = StepTimeline.at(steps, load.slowestDue(from, to));
        String slowest = String.format(Locale.ROOT, "%.1f ms, due %s", window.maxMillis(),
                worst == null ? "between steps" : "in step " + worst.label());
        return new PhaseResult(name, (to - from) / 1e9, window, results,
                timeline.retries().stream().map(LockRetry::describe).toList(), slowest);
    }

    private Run naive(ExpandSubject subject, BenchDatabase db, PointLoad load) throws Exception {
        long t0 = System.nanoTime();
        Thread.sleep(LOAD_ALONE_MILLIS);
        long t1 = System.nanoTime();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(subject.naive());
        }
        long t2 = System.nanoTime();
        Thread.sleep(DRAIN_MILLIS);
        load.stop();
        requireNone(db, subject.naiveCheck(), subject.naive());
        return new Run(List.of(PhaseResult.loadAlone((t1 - t0) / 1e9, load.window(t0, t1)),
                new PhaseResult(PhaseResult.NAIVE, (t2 - t1) / 1e9, load.window(t1, t2), List.of(), List.of(), "")),
                oldCode(db, subject));
    }

    /** What the old code's query reads: its value, or the error it now gets. */
    private static String oldCode(BenchDatabase db, ExpandSubject subject) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(subject.oldCode())) {
            rs.next();
            return "reads " + rs.getString(1);
        } catch (SQLException e) {
            return "fails: " + e.getMessage().lines().findFirst().orElse("") + " (SQLSTATE " + e.getSQLState() + ")";
        }
    }

    /** Builds the template table with the base migration; returns what each old-code query reads there. */
    private Map<ExpandSubject, String> createTemplate(ExpandProject project) throws SQLException {
        BenchDatabase db = setup.server().createDatabase("expand_template_build");
        System.out.println("bench: expand, creating the template table (" + setup.rows() + " rows)");
        try (Stepwise stepwise = Stepwise.configure().projectDirectory(project.directory()).dataSource(db.dataSource())
                .build()) {
            stepwise.upgrade(ExpandProject.BASE);
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // a table in its steady state: visibility map set (the batches walk the key index only), statistics
            s.execute("VACUUM ANALYZE orders");
        }
        requireNone(db, "SELECT " + setup.rows() + " - count(*) FROM orders", "the base migration");
        Map<ExpandSubject, String> before = new LinkedHashMap<>();
        setup.subjects().forEach(s -> before.put(s, oldCode(db, s)));
        setup.server().rename(db, TEMPLATE);
        return before;
    }

    private static void requireNone(BenchDatabase db, String query, String what) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            long wrong = rs.getLong(1);
            if (wrong != 0) {
                throw new IllegalStateException(what + " left " + wrong + " rows wrong in " + db.name() + ": " + query);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + ": cannot check " + query + ": " + e.getMessage(), e);
        }
    }
}
