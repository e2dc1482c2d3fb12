package dev.stepwise.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
 * @param lintRuns       runs of each lint benchmark command and API mode ({@code bench.lintRuns}, 5)
 * @param fsync          the server's fsync ({@code bench.fsync}, off)
 * @param benchmarks     which to run ({@code bench.only}: migrate,status,current,backfill,lint,expand,diff,stairway)
 * @param repositoryRoot the checkout (for the launcher and the shop example)
 * @param stepwiseJar    the shaded CLI jar of this build, for {@code status}
 * @param backfill       the backfill benchmark's settings
 * @param expand         the expand/contract benchmark's settings
 * @param diff           the introspect/diff benchmark's settings
 * @param serverLog      log the server's statements slower than this, its autovacuums and lock
 *                       waits to {@code work/logs/postgres/} ({@code bench.serverLog}, empty: off)
 * @param stairway       the stairway benchmark's settings
 */
public record BenchSettings(int migrations, int repetitions, int warmup, int statusRuns, int currentRuns, int lintRuns,
                            boolean fsync,
                            Set<String> benchmarks, Path workDirectory, Path resultsDirectory, Path repositoryRoot,
                            Path stepwiseJar, Backfill backfill, Expand expand, String serverLog, Diff diff,
                            Stairway stairway) {

    /** Every benchmark, the default of {@code bench.only}. */
    public static final String ALL = "migrate,status,current,backfill,lint,expand,diff,stairway";

    /**
     * @param rows      table size ({@code bench.backfillRows}, 1,000,000)
     * @param runs      runs of each mode ({@code bench.backfillRuns}, 5)
     * @param clients   clients of the point load ({@code bench.backfillClients}, 4)
     * @param rates     the loads, as requests per second per client, 0 for back to back
     *                  ({@code bench.backfillRates}, 250,0)
     * @param directive the batched run's {@code stepwise:batch} options ({@code bench.backfillBatch}, size=auto)
     */
    public record Backfill(int rows, int runs, int clients, List<Integer> rates, String directive) {
    }

    /**
     * @param rows           table size ({@code bench.expandRows}, 1,000,000)
     * @param runs           runs of each generator and of each naive statement ({@code bench.expandRuns}, 5)
     * @param clients        clients of the point load ({@code bench.expandClients}, 4)
     * @param rate           requests per second per client ({@code bench.expandRate}, 250)
     * @param lockTimeout    the runner's first lock timeout, {@code lock_timeout} ({@code bench.expandLockTimeout}, 25ms)
     * @param lockTimeoutMax the cap it doubles up to, {@code lock_timeout_max} ({@code bench.expandLockTimeoutMax}, 2s)
     */
    public record Expand(int rows, int runs, int clients, int rate, String lockTimeout, String lockTimeoutMax) {

        public Expand {
            if (rate <= 0) {
                throw new IllegalArgumentException("bench.expandRate must be a rate (requests per second per client),"
                        + " not " + rate + ": latency counts from when a request was due");
            }
        }
    }

    /**
     * @param tables tables in each of the two databases ({@code bench.diffTables}, 2000)
     * @param runs   measured runs of both tools ({@code bench.diffRuns}, 5)
     */
    public record Diff(int tables, int runs) {
    }

    /**
     * @param migrations size of the stairway benchmark's history ({@code bench.stairwayMigrations}, 200)
     * @param runs       measured runs of each of its modes ({@code bench.stairwayRuns}, 5)
     */
    public record Stairway(int migrations, int runs) {

        public Stairway {
            if (migrations < 1) {
                throw new IllegalArgumentException("bench.stairwayMigrations must be at least 1, not " + migrations);
            }
        }
    }

    /** {@code stairway-200.md} at the default size, another name for another size. */
    public String stairwayResultFile() {
        return "stairway-" + stairway.migrations() + (fsync ? "-fsync" : "") + ".md";
    }

    /** {@code diff-2000.md} at full size, another name for another size. */
    public String diffResultFile() {
        return "diff-" + diff.tables() + (fsync ? "-fsync" : "") + ".md";
    }

    /** {@code expand-1000000.md} at full size, another name for another size. */
    public String expandResultFile() {
        return "expand-" + expand.rows() + (fsync ? "-fsync" : "") + ".md";
    }

    public List<Integer> backfillRates() {
        return backfill.rates();
    }

    public int backfillRows() {
        return backfill.rows();
    }

    public int backfillRuns() {
        return backfill.runs();
    }

    public int backfillClients() {
        return backfill.clients();
    }

    public String backfillDirective() {
        return backfill.directive();
    }

    /** {@code backfill-1000000.md} at full size, another name for another size. */
    public String backfillResultFile() {
        return "backfill-" + backfill.rows() + (fsync ? "-fsync" : "") + ".md";
    }

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
                number("bench.lintRuns", 5),
                System.getProperty("bench.fsync", "off").equals("on"),
                Arrays.stream(System.getProperty("bench.only", ALL).split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet()),
                path("bench.workDirectory", "work"),
                path("bench.resultsDirectory", "results"),
                root,
                path("bench.stepwiseJar", root.resolve("stepwise-cli/target/stepwise.jar").toString()),
                new Backfill(number("bench.backfillRows", 1_000_000), number("bench.backfillRuns", 5),
                        number("bench.backfillClients", 4),
                        Arrays.stream(System.getProperty("bench.backfillRates", "250,0").split(",")).map(String::strip)
                                .filter(s -> !s.isEmpty()).map(Integer::valueOf).toList(),
                        System.getProperty("bench.backfillBatch", "size=auto").strip()),
                new Expand(number("bench.expandRows", 1_000_000), number("bench.expandRuns", 5),
                        number("bench.expandClients", 4), number("bench.expandRate", 250),
                        text("bench.expandLockTimeout", "25ms"), text("bench.expandLockTimeoutMax", "2s")),
                text("bench.serverLog", ""),
                new Diff(number("bench.diffTables", 2000), number("bench.diffRuns", 5)),
                new Stairway(number("bench.stairwayMigrations", 200), number("bench.stairwayRuns", 5)));
    }

    public boolean runs(String benchmark) {
        return benchmarks.contains(benchmark);
    }

    /**
     * The result file of a benchmark: {@code migrate-1000.md}, {@code status-1000.md},
     * {@code lint-1000.md} and {@code current.md} at full size with the default settings; a quick
     * run or one with fsync on is named so that it never overwrites those, e.g.
     * {@code current-200.md}, {@code migrate-1000-fsync.md}.
     */
    public String resultFile(String benchmark) {
        String size = benchmark.equals("current") && migrations == FULL_SIZE ? "" : "-" + migrations;
        return benchmark + size + (fsync ? "-fsync" : "") + ".md";
    }

    private static int number(String property, int fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    private static String text(String property, String fallback) {
        String value = System.getProperty(property);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static Path path(String property, String fallback) {
        String value = System.getProperty(property);
        return Path.of(value == null || value.isBlank() ? fallback : value).toAbsolutePath().normalize();
    }
}
