package dev.stepwise.bench.current;

import dev.stepwise.bench.migrate.StepwiseMigrator;
import dev.stepwise.bench.report.Figures;
import dev.stepwise.bench.report.MarkdownTable;
import dev.stepwise.bench.report.Measurements;
import dev.stepwise.bench.report.RunContext;
import dev.stepwise.bench.server.BenchDatabase;
import dev.stepwise.bench.server.BenchServer;
import dev.stepwise.bench.status.JavaCommand;
import dev.stepwise.bench.status.TimedProcess;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./stepwise -C <project> current} on the embedded default, as a user types it after the
 * first run (the data directory kept, so the server starts without {@code initdb}), with the
 * phases told apart by what can be measured on its own: the JVM with the CLI ({@code --version}),
 * the launcher script, and {@code current} against a server that is already running.
 */
public final class CurrentBenchmark {

    static final String JVM = "java -jar stepwise.jar --version";
    static final String LAUNCHER = "./stepwise --version";

    /** What the benchmark runs; the projects' databases live on the embedded default, the URL rows on {@code server}. */
    public record Setup(LauncherScript launcher, BenchServer server, List<CurrentProject> projects, Path logs) {
    }

    private final Setup setup;
    private final JavaCommand java;

    public CurrentBenchmark(Setup setup) throws java.io.IOException {
        this.setup = setup;
        this.java = new JavaCommand(setup.launcher().javaOptions());
    }

    public Measurements run(int runs) throws Exception {
        List<TimedProcess> processes = new ArrayList<>();
        Path root = setup.launcher().repositoryRoot();
        processes.add(new TimedProcess(JVM, java.jar(setup.launcher().jar(), List.of("--version")), root, "stepwise"));
        processes.add(new TimedProcess(LAUNCHER, List.of(setup.launcher().script().toString(), "--version"), root, "stepwise"));
        for (CurrentProject project : setup.projects()) {
            project.prepare();
            String dir = project.directory().toAbsolutePath().toString();
            // the first run: builds the CLI if needed, creates the data directory, applies the migrations
            new TimedProcess("first run", List.of(setup.launcher().script().toString(), "-C", dir, "upgrade", "head"),
                    root, "").run(log("first-run-" + project.name()));
            processes.add(new TimedProcess(embeddedRow(project), List.of(setup.launcher().script().toString(), "-C", dir,
                    "current"), root, "(head)"));
            BenchDatabase db = setup.server().createDatabase("current_" + project.name());
            new StepwiseMigrator(project.directory(), project.migrations()).migrate(db);
            processes.add(new TimedProcess(urlRow(project), java.jar(setup.launcher().jar(), List.of("-C", dir, "--url",
                    db.jdbcUrl(), "--user", BenchServer.USER, "current")), root, "(head)"));
        }
        Measurements m = new Measurements();
        for (int run = 0; run < runs; run++) {
            for (int i = 0; i < processes.size(); i++) {
                TimedProcess p = processes.get((i + run) % processes.size());
                double seconds = p.run(log(p.name().replaceAll("[^A-Za-z0-9]+", "-") + "-run" + run));
                m.add(p.name(), run, seconds);
                System.out.printf("bench: current, run %d/%d, %-50s %.2f s%n", run + 1, runs, p.name(), seconds);
            }
        }
        return m;
    }

    static String embeddedRow(CurrentProject p) {
        return "./stepwise -C " + p.name() + " current (embedded)";
    }

    static String urlRow(CurrentProject p) {
        return "java -jar stepwise.jar -C " + p.name() + " --url ... current (server already up)";
    }

    private Path log(String name) {
        return setup.logs().resolve("current-" + name + ".log");
    }

    public String report(Measurements m, RunContext context, int runs) {
        MarkdownTable table = new MarkdownTable("command", "median (whole process)", "runs (s, in order)");
        for (String row : m.tools()) {
            table.row(row, Figures.seconds(m.median(row)), Figures.secondsList(m.runs(row)));
        }
        MarkdownTable phases = new MarkdownTable("project", "total", "JVM + CLI start", "launcher script",
                "read migrations + connect + query", "embedded server start/join + stop (the rest)");
        double jvm = m.median(JVM);
        double launcher = m.median(LAUNCHER) - jvm;
        for (CurrentProject p : setup.projects()) {
            double total = m.median(embeddedRow(p));
            double work = m.median(urlRow(p)) - jvm;
            phases.row(p.name(), Figures.seconds(total), Figures.seconds(jvm), Figures.seconds(launcher),
                    Figures.seconds(work), Figures.seconds(total - jvm - launcher - work));
        }
        return "# `./stepwise current` on the embedded default\n\n"
                + context.markdown().replaceFirst("- PostgreSQL: .*\n",
                        "- PostgreSQL: the embedded default's own server (data directory kept under the project's"
                                + " `.stepwise/`); the `--url` rows use the benchmark server, " + context.postgres() + "\n")
                + "- runs: " + runs + " per command, in rotating order, after a first `upgrade head` per project\n"
                + "- JVM options (the launcher's): " + String.join(" ", java.jvmOptions()) + "\n\n"
                + table.render()
                + "\n## Where the time goes (medians; phases derived by subtraction)\n\n"
                + phases.render()
                + "\nGoal: under 1.5 s whole-process for `./stepwise current` after the first run.\n";
    }
}
