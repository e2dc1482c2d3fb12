package dev.stepwise.bench.corpus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The chain of small migrations every tool applies: each creates a table, adds a column, creates
 * an index and inserts a few rows (six statements), and its down drops the table. The same chain
 * is written in each tool's format, so the tools differ only in how they run it.
 */
public record Corpus(int size) {

    public Corpus {
        if (size < 1) {
            throw new IllegalArgumentException("a corpus needs at least one migration, not " + size);
        }
    }

    public List<MigrationSpec> migrations() {
        List<MigrationSpec> specs = new ArrayList<>(size);
        String parent = "none";
        for (int n = 1; n <= size; n++) {
            MigrationSpec spec = migration(n, parent);
            specs.add(spec);
            parent = spec.revision();
        }
        return specs;
    }

    private static MigrationSpec migration(int n, String parent) {
        String table = tableOf(n);
        List<String> up = List.of(
                "CREATE TABLE " + table + " (id bigint PRIMARY KEY, name text NOT NULL)",
                "ALTER TABLE " + table + " ADD COLUMN note text",
                "CREATE INDEX " + table + "_name_idx ON " + table + " (name)",
                "INSERT INTO " + table + " (id, name) VALUES (1, 'first')",
                "INSERT INTO " + table + " (id, name) VALUES (2, 'second')",
                "INSERT INTO " + table + " (id, name, note) VALUES (3, 'third', 'with a note')");
        List<String> down = List.of("DROP TABLE " + table);
        return new MigrationSpec(n, revisionOf(n), parent, "create " + table.replace('_', ' '), up, down);
    }

    /** A stable revision id that looks like a generated one: the first 12 hex digits of a hash. */
    static String revisionOf(int n) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("bench-migration-" + n).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The name of the table migration {@code n} creates; for checks after a run. */
    public static String tableOf(int n) {
        return String.format("item_%04d", n);
    }
}
