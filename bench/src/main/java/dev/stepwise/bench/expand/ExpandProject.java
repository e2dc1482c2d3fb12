package dev.stepwise.bench.expand;

import dev.stepwise.bench.current.LauncherScript;
import dev.stepwise.bench.server.BenchServer;
import dev.stepwise.bench.status.TimedProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Stepwise project for one {@link ExpandSubject}: {@code stepwise.toml} with the lock-timeout
 * schedule under test, the base migration that creates and fills {@code orders}, and the expand
 * and contract migrations {@code stepwise revision} generates from it (the CLI of this build,
 * replaying on the benchmark's server). Every project has the same base migration, so one
 * template database serves them all.
 */
record ExpandProject(Path directory) {

    /** The base migration's revision: the template database is upgraded to it. */
    static final String BASE = "e0000000000e";
    /** What {@code total_dollars * 100} is for each row, from its key. */
    static final String CENTS = "(id % 100000)";

    Path migrations() {
        return directory.resolve("migrations");
    }

    /** Writes the project afresh (no generated migrations yet). */
    static ExpandProject write(Path directory, int rows, LockSchedule schedule) throws IOException {
        ExpandProject p = new ExpandProject(directory);
        Path migrations = Files.createDirectories(p.migrations());
        try (Stream<Path> old = Files.list(migrations)) {
            for (Path f : old.toList()) {
                Files.delete(f);
            }
        }
        Files.writeString(directory.resolve("stepwise.toml"), schedule.toml());
        Files.writeString(migrations.resolve("20260101000000_" + BASE + "_orders.sql"), baseMigration(rows));
        return p;
    }

    /**
     * The table of the benchmark: a key, a stable column the load reads and writes
     * ({@code status}) and one it reads ({@code customer_id}, indexed), and the two the
     * generators move: {@code note} (text) and {@code total_dollars} (numeric, NOT NULL, with a
     * CHECK and an index, which the type change copies).
     */
    static String baseMigration(int rows) {
        return """
                -- revision: %s
                -- down_revision: none
                -- message: orders

                -- +up
                CREATE TABLE orders (
                    id bigint PRIMARY KEY,
                    customer_id bigint NOT NULL,
                    total_dollars numeric(12, 2) NOT NULL CHECK (total_dollars >= 0),
                    note text,
                    status text,
                    created_at timestamptz NOT NULL DEFAULT now()
                );
                INSERT INTO orders (id, customer_id, total_dollars, note, status)
                SELECT g, g %% 50000, (g %% 100000) / 100.0, 'note ' || g, 'new' FROM generate_series(1, %d) g;
                CREATE INDEX orders_customer_id_idx ON orders (customer_id);
                CREATE INDEX orders_total_dollars_idx ON orders (total_dollars);

                -- +down
                DROP TABLE orders;
                """.formatted(BASE, rows);
    }

    /**
     * {@code stepwise revision} with the subject's generator, as a whole process; returns the
     * files it wrote, the expand migration first.
     */
    List<Path> generate(ExpandSubject subject, LauncherScript launcher, BenchServer server, Path log)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.script().toString(), "-C", directory.toString()));
        command.addAll(subject.revision());
        new TimedProcess("stepwise " + subject.generator(), command, directory, "created",
                Map.of("STEPWISE_REPLAY_URL", server.jdbcUrl("postgres") + "?user=" + BenchServer.USER)).run(log);
        try (Stream<Path> files = Files.list(migrations())) {
            List<Path> generated = files.filter(f -> !f.getFileName().toString().contains(BASE)).sorted().toList();
            if (generated.size() != 2) {
                throw new IllegalStateException("stepwise " + subject.generator() + " wrote " + generated
                        + ", not an expand and a contract migration");
            }
            // same timestamp: the expand is the one the contract names in its expands: header
            String first = Files.readString(generated.get(0));
            return first.contains("-- phase: contract") ? List.of(generated.get(1), generated.get(0)) : generated;
        }
    }
}
