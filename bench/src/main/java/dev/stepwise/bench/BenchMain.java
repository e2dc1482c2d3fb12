package dev.stepwise.bench;

import dev.stepwise.bench.backfill.BackfillBenchmark;
import dev.stepwise.bench.corpus.Corpus;
import dev.stepwise.bench.corpus.CorpusFiles;
import dev.stepwise.bench.corpus.LiquibaseLayout;
import dev.stepwise.bench.diff.DiffBenchmark;
import dev.stepwise.bench.expand.ExpandBenchmark;
import dev.stepwise.bench.current.CurrentBenchmark;
import dev.stepwise.bench.current.CurrentProject;
import dev.stepwise.bench.current.LauncherScript;
import dev.stepwise.bench.lint.LintBenchmark;
import dev.stepwise.bench.migrate.FlywayMigrator;
import dev.stepwise.bench.migrate.JdbcFloor;
import dev.stepwise.bench.migrate.LiquibaseMigrator;
import dev.stepwise.bench.migrate.MigrateBenchmark;
import dev.stepwise.bench.migrate.Migrator;
import dev.stepwise.bench.migrate.StepwiseMigrator;
import dev.stepwise.bench.report.Measurements;
import dev.stepwise.bench.report.RunContext;
import dev.stepwise.bench.server.BenchServer;
import dev.stepwise.bench.stairway.StairwayBenchmark;
import dev.stepwise.bench.stairway.StairwayResults;
import dev.stepwise.bench.status.Classpath;
import dev.stepwise.bench.status.JavaCommand;
import dev.stepwise.bench.status.StatusBenchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the benchmarks and writes their markdown tables to {@code bench/results/}: started by
 * {@code mvn -B -Pbench -DskipTests verify} (see bench/README.md), settings in {@link BenchSettings}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        // Liquibase logs every changeset through java.util.logging; every tool runs quiet
        Logger.getLogger("").setLevel(Level.WARNING);
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Files.createDirectories(settings.resultsDirectory());
        Path logs = Files.createDirectories(settings.workDirectory().resolve("logs"));
        CorpusFiles corpus = CorpusFiles.write(new Corpus(settings.migrations()), settings.workDirectory());
        BenchServer.ServerLog serverLog = settings.serverLog().isEmpty() ? null
                : new BenchServer.ServerLog(logs.resolve("postgres"), settings.serverLog());
        try (BenchServer server = BenchServer.start(settings.fsync(), serverLog)) {
            RunContext context = RunContext.here(server.version(),
                    "fsync=" + server.setting("fsync") + ", synchronous_commit=" + server.setting("synchronous_commit")
                            + (serverLog == null ? "" : ", log_min_duration_statement=" + serverLog.slowStatements()
                            + ", log_autovacuum_min_duration=0"));
            if (settings.runs("migrate")) {
                migrate(settings, server, corpus, context);
            }
            if (settings.runs("backfill")) {
                BackfillBenchmark backfill = new BackfillBenchmark(new BackfillBenchmark.Setup(server,
                        settings.backfillRows(), settings.backfillClients(), settings.backfillRates(),
                        settings.backfillDirective(), settings.workDirectory()));
                var results = backfill.run(settings.backfillRuns());
                write(settings, settings.backfillResultFile(), backfill.report(results, context, settings.backfillRuns()));
            }
            if (settings.runs("status")) {
                StatusBenchmark status = new StatusBenchmark(new StatusBenchmark.Setup(server, corpus,
                        requireFile(new LauncherScript(settings.repositoryRoot()).script()),
                        new JavaCommand(new LauncherScript(settings.repositoryRoot()).javaOptions()),
                        Classpath.ofThisJvm(), logs));
                Measurements m = status.run(settings.statusRuns());
                write(settings, settings.resultFile("status"), status.report(m, context, settings.statusRuns()));
            }
            if (settings.runs("current")) {
                Path projects = settings.workDirectory().resolve("current");
                CurrentBenchmark current = new CurrentBenchmark(new CurrentBenchmark.Setup(
                        new LauncherScript(settings.repositoryRoot()), server, List.of(
                        new CurrentProject("shop", projects.resolve("shop"),
                                settings.repositoryRoot().resolve("examples/shop/migrations")),
                        new CurrentProject("chain-" + settings.migrations(),
                                projects.resolve("chain-" + settings.migrations()), corpus.stepwiseMigrations())),
                        logs));
                Measurements m = current.run(settings.currentRuns());
                write(settings, settings.resultFile("current"), current.report(m, context, settings.currentRuns()));
            }
            if (settings.runs("lint")) {
                lint(settings, server, corpus, logs, context);
            }
            if (settings.runs("expand")) {
                LauncherScript launcher = new LauncherScript(settings.repositoryRoot());
                requireFile(launcher.script());
                requireFile(launcher.jar());
                ExpandBenchmark expand = new ExpandBenchmark(ExpandBenchmark.setup(server, launcher, settings.expand(),
                        settings.workDirectory(), logs));
                write(settings, settings.expandResultFile(), expand.run(settings.expand().runs()).markdown(context));
            }
            if (settings.runs("diff")) {
                DiffBenchmark diff = new DiffBenchmark(new DiffBenchmark.Setup(server, settings.diff().tables(),
                        settings.workDirectory()));
                write(settings, settings.diffResultFile(), diff.report(diff.run(settings.diff().runs()), context,
                        settings.diff().runs()));
            }
            if (settings.runs("stairway")) {
                stairway(settings, server, logs, context);
            }
        }
    }

    private static void migrate(BenchSettings settings, BenchServer server, CorpusFiles corpus, RunContext context)
            throws Exception {
        if (settings.warmup() > 0) {
            CorpusFiles warmup = CorpusFiles.write(new Corpus(settings.warmup()), settings.workDirectory());
            MigrateBenchmark.warmUp(server, migrators(warmup), settings.warmup());
        }
        MigrateBenchmark benchmark = new MigrateBenchmark(server, migrators(corpus), settings.migrations());
        Measurements m = benchmark.run(settings.repetitions());
        write(settings, settings.resultFile("migrate"), benchmark.report(m, context, settings.repetitions()));
    }

    private static void lint(BenchSettings settings, BenchServer server, CorpusFiles corpus, Path logs, RunContext context)
            throws Exception {
        int n = settings.migrations();
        Path work = settings.workDirectory();
        Path alter = CorpusFiles.writeStepwise(new Corpus(n, Corpus.Kind.ALTERS_EARLIER), work);
        LauncherScript launcher = new LauncherScript(settings.repositoryRoot());
        requireFile(launcher.script());
        LintBenchmark lint = new LintBenchmark(new LintBenchmark.Setup(server, launcher, List.of(
                new LintBenchmark.Subject("chain-" + n, "the corpus of the other benchmarks: each migration creates its"
                        + " own table, adds a column, indexes it and inserts three rows (six statements); it meets nothing"
                        + " from before it", corpus.stepwiseProject(), n),
                new LintBenchmark.Subject("alter-" + n, "the same chain, where each migration after the first also"
                        + " changes the table of the one before, the safe way: `ALTER TABLE ... ADD COLUMN extra text`,"
                        + " `CREATE INDEX CONCURRENTLY` on it and a batched `UPDATE` of all its rows"
                        + " (`-- stepwise:batch size=1000`), nine statements; its down drops the index concurrently, the"
                        + " column and its own table. So lint reads an earlier table's catalog for every migration and"
                        + " replays statements that run outside a transaction", alter, n)),
                work.resolve("lint"), logs));
        List<LintBenchmark.Result> results = lint.run(settings.lintRuns());
        write(settings, settings.resultFile("lint"), lint.report(results, context, settings.lintRuns()));
    }

    private static void stairway(BenchSettings settings, BenchServer server, Path logs, RunContext context)
            throws Exception {
        int n = settings.stairway().migrations();
        Path project = CorpusFiles.writeStepwise(new Corpus(n, Corpus.Kind.APPLICATION), settings.workDirectory());
        LauncherScript launcher = new LauncherScript(settings.repositoryRoot());
        requireFile(launcher.script());
        StairwayBenchmark.Setup setup = new StairwayBenchmark.Setup(server, launcher, project, n,
                Corpus.applicationTables(n), logs);
        StairwayBenchmark.Result result = new StairwayBenchmark(setup).run(settings.stairway().runs());
        String history = Corpus.applicationTables(n) + " tables, each created by one migration and changed by the four"
                + " after it: two columns added; an index built `CONCURRENTLY`; a check constraint added `NOT VALID`"
                + " and validated; then by turns a unique constraint over a unique index built concurrently, an enum"
                + " type and a column of it, a view, a foreign key to the first table (`NOT VALID`, validated). Each"
                + " table has an identity key and a foreign key to the table before (indexed) and gets two rows. Every"
                + " migration has the `+down` that undoes exactly what it did (`DROP INDEX CONCURRENTLY`, constraints"
                + " and columns dropped in reverse order)";
        write(settings, settings.stairwayResultFile(), new StairwayResults(setup, history)
                .markdown(result, context, settings.stairway().runs()));
    }

    /** The tools, the floor first. */
    static List<Migrator> migrators(CorpusFiles c) {
        return List.of(
                new JdbcFloor(c.flywayMigrations()),
                new StepwiseMigrator(c.stepwiseProject(), c.stepwiseMigrations()),
                new FlywayMigrator(c.flywayMigrations()),
                new LiquibaseMigrator(c.liquibaseChangelogDirectory(), LiquibaseLayout.MASTER));
    }

    private static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: build the CLI in the same run (mvn -B -Pbench verify"
                    + " from the repository root builds it before the benchmark)");
        }
        return file;
    }

    private static void write(BenchSettings settings, String name, String markdown) throws java.io.IOException {
        Path file = settings.resultsDirectory().resolve(name);
        Files.writeString(file, markdown);
        System.out.println("bench: wrote " + file + "\n" + markdown);
    }
}
