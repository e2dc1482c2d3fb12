package dev.stepwise.reliability.resources;

import dev.stepwise.it.Project;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * One large data migration: a table and then multi-row {@code INSERT}s into it until the file
 * reaches its size, written straight to disk (never built in memory), the same for the same seed.
 */
record DataMigration(String revision, long bytes, Shape shape) {

    /** How the file's rows are cut into statements, and how the runner runs them. */
    enum Shape {
        /** {@code INSERT}s of 20 rows (about 2 KB each), all in one transaction. */
        SHORT_INSERTS_ONE_TRANSACTION(20, false),
        /** {@code INSERT}s of 1,000 rows (about 100 KB each), all in one transaction. */
        LONG_INSERTS_ONE_TRANSACTION(1000, false),
        /** {@code INSERT}s of 20 rows with {@code transaction: none}: every statement a step of its own. */
        SHORT_INSERTS_OWN_STEPS(20, true),
        /** {@code INSERT}s of 1,000 rows with {@code transaction: none}. */
        LONG_INSERTS_OWN_STEPS(1000, true);

        final int rowsPerInsert;
        final boolean ownSteps;

        Shape(int rowsPerInsert, boolean ownSteps) {
            this.rowsPerInsert = rowsPerInsert;
            this.ownSteps = ownSteps;
        }

        @Override
        public String toString() {
            return rowsPerInsert + " rows per INSERT, " + (ownSteps ? "transaction: none" : "one transaction");
        }
    }

    /** A row's payload is this long, give or take. */
    private static final int PAYLOAD = 80;

    String table() {
        return "data_" + revision;
    }

    String megabytes() {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** Writes the file into the project; returns how many rows it inserts. */
    long write(Project project, long seed) {
        Path file = project.write(revision, "");
        Random random = new Random(seed);
        long rows = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("-- revision: " + revision + "\n-- down_revision: none\n-- message: load " + table() + "\n");
            if (shape.ownSteps) {
                out.write("-- transaction: none\n");
            }
            out.write("\n-- +up\nCREATE TABLE " + table() + " (id bigint PRIMARY KEY, payload text NOT NULL);\n");
            long written = 200;
            while (written < bytes) {
                StringBuilder insert = new StringBuilder("INSERT INTO ").append(table()).append(" (id, payload) VALUES\n");
                for (int r = 0; r < shape.rowsPerInsert; r++) {
                    rows++;
                    insert.append(r == 0 ? "    (" : ",\n    (").append(rows).append(", '")
                            .append(payload(random)).append("')");
                }
                insert.append(";\n");
                out.write(insert.toString());
                written += insert.length();
            }
            out.write("\n-- +down\nDROP TABLE " + table() + ";\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static String payload(Random random) {
        StringBuilder s = new StringBuilder(PAYLOAD + 8);
        int length = PAYLOAD - 8 + random.nextInt(16);
        for (int i = 0; i < length; i++) {
            char c = (char) ('a' + random.nextInt(26));
            // now and then a quote, doubled, as real text has
            s.append(random.nextInt(40) == 0 ? "''" : String.valueOf(c));
        }
        return s.toString();
    }
}
