package dev.stepwise.bench.status;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A whole process, timed from start to exit as a user at a shell would feel it, its output kept
 * in a log file and checked, so a run that failed or printed the wrong thing never counts.
 *
 * @param name        the row it becomes in a result table
 * @param command     the command line
 * @param expected    a piece of text its output must contain
 * @param environment variables set for it, on top of the benchmark's own environment without
 *                    any {@code STEPWISE_*} variable (e.g. {@code STEPWISE_REPLAY_URL})
 */
public record TimedProcess(String name, List<String> command, Path directory, String expected,
                           Map<String, String> environment) {

    public TimedProcess {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    public TimedProcess(String name, List<String> command, Path directory, String expected) {
        this(name, command, directory, expected, Map.of());
    }

    /** Runs it once; returns its wall-clock time in seconds. */
    public double run(Path log) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        // a developer's own settings must not point the benchmark at another database
        env.keySet().removeIf(k -> k.startsWith("STEPWISE_"));
        env.putAll(environment);
        long start = System.nanoTime();
        Process process = builder.start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        String output = Files.readString(log);
        if (exit != 0 || !output.contains(expected)) {
            throw new IllegalStateException(name + " exited " + exit + " without printing \"" + expected + "\"; "
                    + String.join(" ", command) + "\n" + tail(output));
        }
        return seconds;
    }

    private static String tail(String output) {
        return output.length() <= 4000 ? output : "..." + output.substring(output.length() - 4000);
    }
}
