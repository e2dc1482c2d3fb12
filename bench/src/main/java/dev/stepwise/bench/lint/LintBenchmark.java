package dev.stepwise.bench.lint;

import dev.stepwise.Stepwise;
import dev.stepwise.bench.current.CurrentProject;
import dev.stepwise.bench.current.LauncherScript;
import dev.stepwise.bench.report.Figures;
import dev.stepwise.bench.report.Goal;
import dev.stepwise.bench.report.MarkdownTable;
import dev.stepwise.bench.report.Measurements;
import dev.stepwise.bench.report.RunContext;
import dev.stepwise.bench.server.BenchDatabase;
import dev.stepwise.bench.server.BenchServer;
import dev.stepwise.bench.status.TimedProcess;
import dev.stepwise.command.UpgradeCommand;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code stepwise lint} of a corpus against {@code upgrade head} of the same files, and what the
 * lint step inside {@code upgrade} adds to applying them.
 *
 * <p>Whole processes, with the launcher as users run it: {@code upgrade head} (with and without
 * {@code --no-lint}) with {@code --url} to a fresh database of the benchmark's server; {@code lint}
 * replaying the migrations on a scratch database of that same server ({@code STEPWISE_REPLAY_URL}),
 * so both do their work on one server; {@code lint} on the embedded default (no URL configured:
 * it starts or joins the project's own server, for the record); and {@code lint --offline}.
 *
 * <p>The lint step: {@code upgrade("head")} through the Java API with the pre-run lint and with
 * {@code skipLint}, on fresh databases, the two alternating which goes first.
 */
public final class LintBenchmark {

    static final String UPGRADE = "upgrade head (--url, fresh database)";
    static final String UPGRADE_NO_LINT = "upgrade head --no-lint (--url, fresh database)";
    static final String LINT_REPLAY = "lint (replay_url: the benchmark server)";
    static final String LINT_EMBEDDED = "lint (embedded default)";
    static final String LINT_OFFLINE = "lint --offline";
    static final String WITH_LINT = "upgrade(\"head\"), lint step on (the default)";
    static final String WITHOUT_LINT = "upgrade(\"head\"), skipLint";

    /** Goal (1): lint at most this many times {@code upgrade head}. */
    static final double LINT_TO_UPGRADE = 1.5;
    /** Goal (2): {@code lint --offline} under this many seconds, whole process. */
    static final double OFFLINE_SECONDS = 3.0;
    /** Goal (3): {@code upgrade} with its lint step under this many times {@code upgrade} without. */
    static final double LINT_STEP = 1.10;

    /**
     * A corpus the benchmark lints and applies.
     *
     * @param name        its label in the report, e.g. {@code chain-1000}
     * @param description what its migrations do
     * @param project     a Stepwise project: {@code stepwise.toml} without a URL, {@code migrations/}
     * @param migrations  how many migrations it has
     */
    public record Subject(String name, String description, Path project, int migrations) {
    }

    /**
     * What the benchmark runs.
     *
     * @param work where the embedded-default projects are kept (their {@code .stepwise/} from one run to the next)
     * @param logs where each process's output is kept
     */
    public record Setup(BenchServer server, LauncherScript launcher, List<Subject> subjects, Path work, Path logs) {
    }

    /**
     * The figures of one subject: the whole processes, the API runs with and without the lint
     * step, and, for the runs with it, the lint step's own time as {@code upgrade} reports it
     * ({@link #LINT_OWN} seconds a run, and {@link #LINT_OWN_RATIO}: the run over the run less
     * that time).
     */
    public record Result(Subject subject, Measurements processes, Measurements api, Measurements inside) {
    }

    static final String LINT_OWN = "lint step's own time";
    static final String LINT_OWN_RATIO = "run / (run - lint step's own time)";

    /** One API run: its time, and the time its lint steps took. */
    private record ApiRun(double seconds, double lintSeconds) {
    }

    /** A row of the whole-process table: its process, given a fresh database when it needs one. */
    private record Row(String name, boolean freshDatabase, Function<BenchDatabase, TimedProcess> process) {
    }

    private final Setup setup;

    public LintBenchmark(Setup setup) {
        this.setup = setup;
    }

    public List<Result> run(int runs) throws Exception {
        List<Result> results = new ArrayList<>();
        for (Subject s : setup.subjects()) {
            Measurements processes = processes(s, runs);
            Measurements inside = new Measurements();
            Measurements api = lintStep(s, runs, inside);
            results.add(new Result(s, processes, api, inside));
        }
        return results;
    }

    private Measurements processes(Subject s, int runs) throws Exception {
        List<Row> rows = rows(s);
        for (Row row : rows) {
            // unmeasured: the launcher's class-data archive, the embedded server's data directory,
            // the page cache and the parsed-migrations cache, for every row alike
            runOnce(s, row, "warmup");
        }
        Measurements m = new Measurements();
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get((i + run) % rows.size());
                double seconds = runOnce(s, row, "run" + run);
                m.add(row.name(), run, seconds);
                System.out.printf("bench: lint %s, run %d/%d, %-48s %.2f s%n", s.name(), run + 1, runs, row.name(), seconds);
            }
        }
        return m;
    }

    private List<Row> rows(Subject s) throws java.io.IOException {
        BenchServer server = setup.server();
        String script = setup.launcher().script().toString();
        Path project = s.project().toAbsolutePath();
        String dir = project.toString();
        int n = s.migrations();
        CurrentProject embedded = new CurrentProject(s.name(), setup.work().resolve(s.name() + "-embedded").toAbsolutePath(),
                project.resolve("migrations")).prepare();
        Map<String, String> replay = Map.of("STEPWISE_REPLAY_URL", server.jdbcUrl("postgres") + "?user=" + BenchServer.USER);
        String applied = n + " migration(s) done";
        String replayed = n + " migrations; replayed";
        return List.of(
                new Row(UPGRADE, true, db -> new TimedProcess(UPGRADE, List.of(script, "-C", dir, "--url", db.jdbcUrl(),
                        "--user", BenchServer.USER, "upgrade", "head"), project, applied)),
                new Row(UPGRADE_NO_LINT, true, db -> new TimedProcess(UPGRADE_NO_LINT, List.of(script, "-C", dir, "--url",
                        db.jdbcUrl(), "--user", BenchServer.USER, "upgrade", "head", "--no-lint"), project, applied)),
                new Row(LINT_REPLAY, false, db -> new TimedProcess(LINT_REPLAY, List.of(script, "-C", dir, "lint"), project,
                        replayed, replay)),
                new Row(LINT_EMBEDDED, false, db -> new TimedProcess(LINT_EMBEDDED, List.of(script, "-C",
                        embedded.directory().toString(), "lint"), embedded.directory(), replayed)),
                new Row(LINT_OFFLINE, false, db -> new TimedProcess(LINT_OFFLINE, List.of(script, "-C", dir, "lint",
                        "--offline"), project, n + " migrations; offline")));
    }

    private double runOnce(Subject s, Row row, String label) throws Exception {
        BenchDatabase db = row.freshDatabase() ? setup.server().createDatabase("lint_" + label + "_" + s.name()) : null;
        try {
            setup.server().checkpoint();
            double seconds = row.process().apply(db).run(setup.logs().resolve("lint-" + s.name() + "-"
                    + row.name().replaceAll("[^A-Za-z0-9]+", "-") + "-" + label + ".log"));
            if (db != null) {
                requireTables(db, s.migrations(), row.name());
            }
            return seconds;
        } finally {
            if (db != null) {
                setup.server().drop(db);
            }
        }
    }

    /**
     * The API with and without the lint step, alternating which goes first, a fresh database each,
     * after one unmeasured run of each on the same corpus: a smaller warm-up left the lint's code
     * to be compiled during the first measured run (1.34× in the first pair, about 1.0× after).
     */
    private Measurements lintStep(Subject s, int runs, Measurements inside) throws Exception {
        System.out.println("bench: lint " + s.name() + ", API warm-up");
        apply(s.project(), s.migrations(), false, "warmup");
        apply(s.project(), s.migrations(), true, "warmup");
        Measurements m = new Measurements();
        for (int run = 0; run < runs; run++) {
            for (boolean skipLint : run % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                ApiRun applied = apply(s.project(), s.migrations(), skipLint, "r" + run);
                double seconds = applied.seconds();
                String mode = skipLint ? WITHOUT_LINT : WITH_LINT;
                m.add(mode, run, seconds);
                if (!skipLint) {
                    inside.add(LINT_OWN, run, applied.lintSeconds());
                    inside.add(LINT_OWN_RATIO, run, seconds / (seconds - applied.lintSeconds()));
                }
                System.out.printf("bench: lint %s, API run %d/%d, %-48s %.2f s%n", s.name(), run + 1, runs, mode, seconds);
            }
        }
        return m;
    }

    /** Applies a project's migrations to a fresh database and checks that {@code tables} tables exist. */
    private ApiRun apply(Path project, int tables, boolean skipLint, String label) throws Exception {
        BenchDatabase db = setup.server().createDatabase("lint_api_" + label + (skipLint ? "_nolint" : "_lint"));
        try {
            setup.server().checkpoint();
            System.gc();
            java.util.concurrent.atomic.AtomicLong linting = new java.util.concurrent.atomic.AtomicLong();
            long start = System.nanoTime();
            try (Stepwise stepwise = Stepwise.configure()
                    .projectDirectory(project)
                    .dataSource(db.dataSource())
                    .migrations(project.resolve("migrations"))
                    .listener(new dev.stepwise.run.RunListener() {
                        @Override
                        public void migrationLinted(String revision, java.time.Duration took) {
                            linting.addAndGet(took.toNanos());
                        }
                    })
                    .build()) {
                stepwise.upgrade("head", new UpgradeCommand.Options(false, false, false, skipLint));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            requireTables(db, tables, skipLint ? WITHOUT_LINT : WITH_LINT);
            return new ApiRun(seconds, linting.get() / 1e9);
        } finally {
            setup.server().drop(db);
        }
    }

    private static void requireTables(BenchDatabase db, int expected, String what) {
        int tables = db.benchTables();
        if (tables != expected) {
            throw new IllegalStateException(what + " left " + tables + " of " + expected + " tables in " + db.name());
        }
    }

    /** The goals from the issue, each subject's figure against its limit. */
    static List<Goal> goals(List<Result> results) {
        List<Goal> goals = new ArrayList<>();
        for (Result r : results) {
            goals.add(Goal.atMost("(1) `lint` / `upgrade head`, " + r.subject().name(),
                    r.processes().medianRatio(LINT_REPLAY, UPGRADE), LINT_TO_UPGRADE));
        }
        for (Result r : results) {
            goals.add(Goal.under("(2) `lint --offline`, " + r.subject().name(), r.processes().median(LINT_OFFLINE),
                    OFFLINE_SECONDS));
        }
        for (Result r : results) {
            goals.add(Goal.under("(3) `upgrade` with its lint step / without, " + r.subject().name(),
                    r.api().medianRatio(WITH_LINT, WITHOUT_LINT), LINT_STEP));
        }
        for (Result r : results) {
            goals.add(Goal.under("(3) the same, from the lint step's own time, " + r.subject().name(),
                    r.inside().median(LINT_OWN_RATIO), LINT_STEP));
        }
        return goals;
    }

    public String report(List<Result> results, RunContext context, int runs) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        int n = results.get(0).subject().migrations();
        b.append("# `stepwise lint` of ").append(n).append(" migrations, against `upgrade head` of the same files\n\n")
                .append(context.markdown())
                .append("- runs: ").append(runs).append(" of each command per corpus (in rotating order, after one")
                .append(" unmeasured run of each), and ").append(runs).append(" of each API mode (alternating which goes")
                .append(" first, after one unmeasured run of each)\n")
                .append("- every command is the launcher `./stepwise` as users run it (its JVM options: ")
                .append(String.join(" ", setup.launcher().javaOptions()))
                .append("), timed from process start to exit; every `upgrade` gets a fresh database from template0,")
                .append(" and every run follows a `CHECKPOINT`\n");
        for (Result r : results) {
            b.append("- **").append(r.subject().name()).append("**: ").append(r.subject().description()).append('\n');
        }
        MarkdownTable goals = new MarkdownTable("goal", "measured", "target", "verdict");
        for (Goal g : goals(results)) {
            java.util.function.DoubleFunction<String> unit = g.description().startsWith("(2)") ? Figures::seconds : Figures::ratio;
            goals.row(g.description(), unit.apply(g.value()), g.target(unit), g.verdict());
        }
        b.append("\n## Goals\n\n").append(goals.render())
                .append("\n(1) and (2) are whole processes; (1) compares `lint` replaying on the benchmark's server with")
                .append(" `upgrade head` applying to it (its default, the lint step on), pair by pair. (3) is the Java API")
                .append(" in this JVM, with and without `skipLint` (`upgrade --no-lint`), pair by pair.\n");
        for (Result r : results) {
            MarkdownTable t = new MarkdownTable("command", "median (whole process)",
                    "ratio to `upgrade head` (median of pairwise)", "runs (s, in order)", "pairwise ratios");
            for (String row : r.processes().tools()) {
                t.row(row, Figures.seconds(r.processes().median(row)), Figures.ratio(r.processes().medianRatio(row, UPGRADE)),
                        Figures.secondsList(r.processes().runs(row)), Figures.ratioList(r.processes().ratios(row, UPGRADE)));
            }
            b.append("\n## Whole processes, ").append(r.subject().name()).append("\n\n").append(t.render());
            MarkdownTable api = new MarkdownTable("mode", "median", "per migration",
                    "ratio to skipLint (median of pairwise)", "runs (s, in order)", "pairwise ratios");
            for (String mode : r.api().tools()) {
                double median = r.api().median(mode);
                api.row(mode, Figures.seconds(median), Figures.millis(median * 1000 / r.subject().migrations()),
                        Figures.ratio(r.api().medianRatio(mode, WITHOUT_LINT)), Figures.secondsList(r.api().runs(mode)),
                        Figures.ratioList(r.api().ratios(mode, WITHOUT_LINT)));
            }
            double added = (r.api().median(WITH_LINT) - r.api().median(WITHOUT_LINT)) * 1000 / r.subject().migrations();
            b.append("\n### The lint step inside `upgrade` (Java API), ").append(r.subject().name()).append("\n\n")
                    .append(api.render())
                    .append("\nThe lint step adds ").append(Figures.millis(added))
                    .append(" per migration (difference of the medians). Timed inside `upgrade` (its `migrationLinted`")
                    .append(" events, summed per run), the lint step took ")
                    .append(Figures.millis(r.inside().median(LINT_OWN) * 1000 / r.subject().migrations()))
                    .append(" per migration (median of the runs: ")
                    .append(Figures.secondsList(r.inside().runs(LINT_OWN))).append(" s in all), so a run with it takes ")
                    .append(Figures.ratio(r.inside().median(LINT_OWN_RATIO))).append(" the same run without it (")
                    .append(Figures.ratioList(r.inside().runs(LINT_OWN_RATIO)))
                    .append("): a figure that does not carry the run-to-run noise of two separate runs.\n");
        }
        return b.toString();
    }
}
