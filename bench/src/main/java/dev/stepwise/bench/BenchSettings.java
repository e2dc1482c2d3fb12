package dev.stepwise.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one benchmark run does, from {@code -Dbench.*} system properties (the bench module's pom
 * passes them on, with defaults for the full run).
 *
 * @param migrations     size of the corpus ({@code bench.migrations}, 1000)
 * @param repetitions    measured repetitions of the migrate benchmark ({@code bench.repetitions}, 5)
 * @param warmup         size of the unmeasured warm-up corpus, 0 for none ({@code bench.warmup}, 100)
 * @param statusRuns     runs of each status command ({@code bench.statusRuns}, 5)
 * @param currentRuns    runs of each current command ({@code bench.currentRuns}, 5)
 * @param fsync          the server's fsync ({@code bench.fsync}, off)
 * @param benchmarks     which to run ({@code bench.only}: migrate,status,current)
 * @param repositoryRoot the checkout (for the launcher and the shop example)
 * @param stepwiseJar    the shaded CLI jar of this build, for {@code status}
 */
public record BenchSettings(int migrations, int repetitions, int warmup, int statusRuns, int currentRuns, boolean fsync,
                            Set<String> benchmarks, Path workDirectory, Path resultsDirectory, Path repositoryRoot,
                            Path stepwiseJar) {

    /** The corpus size the committed result files are named after without a suffix. */
    public static final int FULL_SIZE = 1000;

    public static BenchSettings fromSystemProperties() {
        Path root = path("bench.repositoryRoot", "..");
        return new BenchSettings(
                number("bench.migrations", FULL_SIZE),
                number("bench.repetitions", 5),
                number("bench.warmup", 100),
                number("bench.statusRuns", 5),
                number("bench.currentRuns", 5),
                System.getProperty("bench.fsync", "off").equals("on"),
                Arrays.stream(System.getProperty("bench.only", "migrate,status,current").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet()),
                path("bench.workDirectory", "work"),
                path("bench.resultsDirectory", "results"),
                root,
                path("bench.stepwiseJar", root.resolve("stepwise-cli/target/stepwise.jar").toString()));
    }

    public boolean runs(String benchmark) {
        return benchmarks.contains(benchmark);
    }

    /**
     * The result file of a benchmark: {@code migrate-1000.md}, {@code status-1000.md} and
     * {@code current.md} at full size with the default settings; a quick run or one with fsync on
     * is named so that it never overwrites those, e.g. {@code current-200.md},
     * {@code migrate-1000-fsync.md}.
     */
    public String resultFile(String benchmark) {
        String size = benchmark.equals("current") && migrations == FULL_SIZE ? "" : "-" + migrations;
        return benchmark + size + (fsync ? "-fsync" : "") + ".md";
    }

    private static int number(String property, int fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    private static Path path(String property, String fallback) {
        String value = System.getProperty(property);
        return Path.of(value == null || value.isBlank() ? fallback : value).toAbsolutePath().normalize();
    }
}
