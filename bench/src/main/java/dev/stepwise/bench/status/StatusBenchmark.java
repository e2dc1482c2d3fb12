package dev.stepwise.bench.status;

import dev.stepwise.bench.corpus.CorpusFiles;
import dev.stepwise.bench.corpus.LiquibaseLayout;
import dev.stepwise.bench.migrate.FlywayMigrator;
import dev.stepwise.bench.migrate.LiquibaseMigrator;
import dev.stepwise.bench.migrate.StepwiseMigrator;
import dev.stepwise.bench.report.Figures;
import dev.stepwise.bench.report.MarkdownTable;
import dev.stepwise.bench.report.Measurements;
import dev.stepwise.bench.report.RunContext;
import dev.stepwise.bench.server.BenchDatabase;
import dev.stepwise.bench.server.BenchServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code status} with every migration of the corpus applied, each tool as a whole process in a
 * fresh JVM (start-up, reading the files, reading the history, printing), against the floor: a
 * small program that reads and hashes the files and reads the history table.
 */
public final class StatusBenchmark {

    /**
     * What the benchmark runs.
     *
     * @param launcher    the {@code ./stepwise} script, run as users run it (with its class-data-sharing archive)
     * @param logs        where each process's output is kept
     */
    public record Setup(BenchServer server, CorpusFiles corpus, Path launcher, JavaCommand java, Classpath classpath,
                        Path logs) {
    }

    private final Setup setup;

    public StatusBenchmark(Setup setup) {
        this.setup = setup;
    }

    public Measurements run(int runs) throws Exception {
        List<TimedProcess> processes = processes();
        for (TimedProcess p : processes) {
            // unmeasured: fills the page cache with the jars and files for every tool alike
            p.run(log(p, "warmup"));
        }
        Measurements m = new Measurements();
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < processes.size(); i++) {
                TimedProcess p = processes.get((i + run) % processes.size());
                double seconds = p.run(log(p, "run" + run));
                m.add(p.name(), run, seconds);
                System.out.printf("bench: status %d, run %d/%d, %-16s %.2f s%n", setup.corpus().corpus().size(),
                        run + 1, runs, p.name(), seconds);
            }
        }
        return m;
    }

    private List<TimedProcess> processes() throws Exception {
        CorpusFiles c = setup.corpus();
        BenchServer server = setup.server();
        int n = c.corpus().size();
        BenchDatabase stepwise = server.createDatabase("status_stepwise");
        new StepwiseMigrator(c.stepwiseProject(), c.stepwiseMigrations()).migrate(stepwise);
        BenchDatabase flyway = server.createDatabase("status_flyway");
        new FlywayMigrator(c.flywayMigrations()).migrate(flyway);
        BenchDatabase liquibase = server.createDatabase("status_liquibase");
        new LiquibaseMigrator(c.liquibaseChangelogDirectory(), LiquibaseLayout.MASTER).migrate(liquibase);

        Path project = c.stepwiseProject().toAbsolutePath();
        Classpath floorClasspath = Classpath.of(StatusFloorMain.class, org.postgresql.Driver.class);
        List<TimedProcess> processes = new ArrayList<>();
        processes.add(new TimedProcess("status floor", setup.java().main(floorClasspath.toString(), StatusFloorMain.class,
                List.of(stepwise.jdbcUrl(), c.stepwiseMigrations().toAbsolutePath().toString())), project,
                n + " files, " + n + " history rows"));
        processes.add(new TimedProcess("stepwise status", List.of(setup.launcher().toString(),
                "-C", project.toString(), "--url", stepwise.jdbcUrl(), "--user", BenchServer.USER, "status"),
                project, "up to date"));
        processes.add(new TimedProcess("Flyway info", setup.java().main(setup.classpath().toString(), FlywayInfoMain.class,
                List.of(flyway.jdbcUrl(), c.flywayMigrations().toAbsolutePath().toString())), project,
                n + " applied, 0 pending"));
        processes.add(new TimedProcess("Liquibase status", setup.java().main(setup.classpath().toString(),
                LiquibaseStatusMain.class, List.of(liquibase.jdbcUrl(),
                        c.liquibaseChangelogDirectory().toAbsolutePath().toString(), LiquibaseLayout.MASTER)), project,
                "up to date"));
        return processes;
    }

    private Path log(TimedProcess p, String run) {
        return setup.logs().resolve("status-" + p.name().replaceAll("[^A-Za-z]+", "-") + "-" + run + ".log");
    }

    public String report(Measurements m, RunContext context, int runs) {
        String floor = m.tools().get(0);
        MarkdownTable table = new MarkdownTable("command", "median (whole process)", "ratio to floor (median of pairwise)",
                "runs (s, in order)", "pairwise ratios");
        for (String tool : m.tools()) {
            table.row(tool, Figures.seconds(m.median(tool)), Figures.ratio(m.medianRatio(tool, floor)),
                    Figures.secondsList(m.runs(tool)), Figures.ratioList(m.ratios(tool, floor)));
        }
        int n = setup.corpus().corpus().size();
        return "# `status` with " + n + " applied migrations\n\n"
                + context.markdown()
                + "- runs: " + runs + " per command (in rotating order, after one unmeasured run of each)\n"
                + "- every command is a fresh JVM with the launcher's options (" + String.join(" ", setup.java().jvmOptions())
                + "), timed from process start to exit\n\n"
                + table.render()
                + "\nThe floor is a small Java program that reads and SHA-256-hashes the " + n + " files and reads"
                + " Stepwise's history table. `stepwise status` is the shaded CLI jar; Flyway `info` and Liquibase"
                + " `status` are their Java APIs called from a small main. Goal: Stepwise within 1.5× of the floor.\n";
    }
}
