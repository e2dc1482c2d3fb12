package dev.stepwise.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What one scenario tried and found, counted: written to {@code target/reliability/rows/} as it
 * finishes, and gathered with the other scenarios' rows into {@code target/reliability/reliability.md}
 * (the full run's copy is committed as {@code bench/results/reliability.md}).
 */
public final class ScenarioReport {

    private static final Path DIR = Path.of("target", "reliability");

    private final int order;
    private final String scenario;
    private final long seed;
    private final long started = System.nanoTime();
    private int trials;
    private int notReached;
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private ScenarioReport(int order, String scenario, long seed) {
        this.order = order;
        this.scenario = scenario;
        this.seed = seed;
    }

    /** Starts the report of a scenario; {@code order} is its number in the issue and the docs. */
    public static ScenarioReport start(int order, String scenario, long seed) {
        return new ScenarioReport(order, scenario, seed);
    }

    /**
     * What a trial returns when its run never passed the point it was aimed at (an auto-sized
     * backfill ran fewer batches this time): not a trial, the scenario draws another point.
     */
    public static final String NOT_REACHED = new String("not reached");

    /** Counts one trial; a non-null {@code failure} says what went wrong in it. */
    public void trial(String failure) {
        if (failure == NOT_REACHED) {
            notReached++;
            return;
        }
        trials++;
        if (failure != null) {
            failures.add(failure);
        }
    }

    /** A fact about what the scenario tried, for the report's last column. */
    public void note(String note) {
        notes.add(note);
    }

    public int trials() {
        return trials;
    }

    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Writes this scenario's row and rebuilds the whole table. */
    public void write() {
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (notReached > 0) {
            note(notReached + " point(s) this run did not pass (an auto-sized backfill ran fewer batches), drawn again");
        }
        String row = String.join(" | ", "", String.valueOf(order), scenario, String.valueOf(trials),
                String.valueOf(failures.size()), String.valueOf(seed),
                String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0), String.join("; ", notes), "").strip();
        try {
            Path rows = Files.createDirectories(DIR.resolve("rows"));
            Files.writeString(rows.resolve(String.format(Locale.ROOT, "%02d-%s.md", order,
                    scenario.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"))), row + "\n", StandardCharsets.UTF_8);
            List<String> all;
            try (Stream<Path> files = Files.list(rows)) {
                all = files.sorted().map(ScenarioReport::read).toList();
            }
            StringBuilder table = new StringBuilder("# Reliability suite (" + Reliability.mode() + " run)\n\n"
                    + "| # | Scenario | Trials | Failures found | Seed | Run time | What it tried |\n"
                    + "|---|---|---:|---:|---:|---:|---|\n");
            all.forEach(table::append);
            Files.writeString(DIR.resolve("reliability.md"), table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(scenario + ": " + trials + " trials, " + failures.size() + " failures");
        failures.forEach(f -> System.out.println("  " + f));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
