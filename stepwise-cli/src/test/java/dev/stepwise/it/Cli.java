package dev.stepwise.it;

import dev.stepwise.testing.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code stepwise} command pointed at one test database and one project, always with an
 * explicit URL (never the embedded default): run in-process, or started as a real child JVM
 * when a test needs a process it can kill or several runners at once.
 */
public final class Cli {

    private final Project project;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();

    private Cli(Project project) {
        this.project = project;
    }

    public static Cli on(TestDatabase db, Project project) {
        return new Cli(project).env("STEPWISE_URL", db.url()).env("STEPWISE_USER", db.server().user());
    }

    /** For runs that give their own URL with {@code --url}, or need none. */
    public static Cli withoutDatabase(Project project) {
        return new Cli(project);
    }

    /** Adds an environment variable to every later run. */
    public Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /**
     * Adds options to the command line of every later child JVM ({@link #start}), after the
     * defaults so that they win: {@code -Xmx256m}, a GC log. In-process runs ignore them.
     */
    public Cli jvmOptions(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Runs a command line in this JVM. */
    public CliRun run(String... args) {
        return CliRun.of(Map.copyOf(env), withProject(args));
    }

    /** Starts a command line in a child JVM of its own; its output goes to files under {@code logs}. */
    public ChildRun start(Path logs, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a short-lived CLI: start fast rather than optimise
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.stepwise.cli.Main"));
        command.addAll(List.of(withProject(args)));
        try {
            Files.createDirectories(logs);
            Path out = Files.createTempFile(logs, "child", ".out");
            Path err = Files.createTempFile(logs, "child", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("STEPWISE_"));
            builder.environment().putAll(env);
            return new ChildRun(builder.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String[] withProject(String... args) {
        List<String> all = new ArrayList<>(List.of("-C", project.root().toString()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }
}
