package dev.stepwise.reliability.resources;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code stepwise} commands in child JVMs limited to {@value #MAX_HEAP} of heap, each with a
 * GC log of its own and the {@link FullCollections} agent, and reads what the log says.
 */
final class BoundedChild {

    static final String MAX_HEAP = "256m";
    /** A small young generation: it fills, and so is followed by a full collection, every few MB allocated. */
    static final String YOUNG = "4m";
    /** A run with fewer full collections than this has no meaningful peak. */
    static final int FEWEST_COLLECTIONS = 3;

    private final TestDatabase db;
    private final Project project;
    private final Path logs;
    private final Map<String, String> env = new LinkedHashMap<>();

    BoundedChild(TestDatabase db, Project project, Path logs) {
        this.db = db;
        this.project = project;
        this.logs = logs;
    }

    BoundedChild env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** One command's run: how it ended, its heap after full collections and its wall time. */
    record Measured(String label, CliRun run, HeapLog heap, Duration took) {

        double peakMb() {
            return heap.peakLiveMegabytes();
        }

        boolean ranOutOfMemory() {
            return run.err().contains("OutOfMemoryError") || run.out().contains("OutOfMemoryError");
        }
    }

    Measured run(String label, Duration limit, String... args) {
        Path gcLog = logs.resolve(label + ".gc.log");
        List<String> options = new ArrayList<>(List.of("-Xmx" + MAX_HEAP, "-Xmn" + YOUNG,
                // a full collection compacts everything: by default it may leave up to 5% of the
                // old generation as dead objects in place, and the log would count them as live
                "-XX:MarkSweepDeadRatio=0",
                // fail, rather than crawl, when the heap is too small
                "-XX:+ExitOnOutOfMemoryError", FullCollections.option(logs)));
        options.addAll(HeapLog.options(gcLog));
        Cli cli = Cli.on(db, project).jvmOptions(options.toArray(String[]::new));
        env.forEach(cli::env);
        long started = System.nanoTime();
        CliRun run = cli.start(logs.resolve(label), args).finish(limit);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Measured(label, run, HeapLog.read(gcLog), took);
    }
}
