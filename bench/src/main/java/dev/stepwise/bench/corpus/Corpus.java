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
 *
 * <p>{@link Kind#ALTERS_EARLIER} is a variant for Stepwise alone (the lint benchmark): from the
 * second migration on, each also changes the table of the migration before it, the safe way, so
 * that what a migration meets is no longer only what it creates itself.
 */
public record Corpus(int size, Kind kind) {

    /** What the migrations of a corpus do. */
    public enum Kind {
        /** Each migration creates its own table and touches nothing else (six statements). */
        NEW_TABLES,
        /**
         * As {@link #NEW_TABLES}, and from the second migration on, three more statements on the
         * table of the migration before: a nullable {@code varchar(100)} column added, an index
         * built concurrently, and a batched update of every row ({@code -- stepwise:batch}); from
         * the third on, one more on the table two before: that column widened to {@code text},
         * which is safe only because its type before is {@code varchar}, as the catalog tells
         * (so upgrade's lint reads it for every migration). Its down drops the index concurrently
         * and the column again, and keeps the widening: narrowing back would rewrite the table,
         * and {@code text} holds every value.
         */
        ALTERS_EARLIER,
        /**
         * A history shaped like an application's (the stairway benchmark): a table is created,
         * then changed over the next four migrations (columns added, an index built concurrently,
         * a check constraint added {@code NOT VALID} and validated, then by turns a unique
         * constraint over a concurrent index, an enum type and its column, a view, a foreign key
         * to the first table), each with the {@code +down} that undoes exactly that. See
         * {@link ApplicationHistory}.
         */
        APPLICATION
    }

    public Corpus {
        if (size < 1) {
            throw new IllegalArgumentException("a corpus needs at least one migration, not " + size);
        }
        if (kind == null) {
            throw new IllegalArgumentException("a corpus needs a kind");
        }
    }

    public Corpus(int size) {
        this(size, Kind.NEW_TABLES);
    }

    /** Where the corpus is written under a work directory: {@code corpus-1000}, {@code corpus-1000-alter}. */
    public String directoryName() {
        return "corpus-" + size + switch (kind) {
            case NEW_TABLES -> "";
            case ALTERS_EARLIER -> "-alter";
            case APPLICATION -> "-application";
        };
    }

    public List<MigrationSpec> migrations() {
        if (kind == Kind.APPLICATION) {
            return new ApplicationHistory(size).migrations();
        }
        List<MigrationSpec> specs = new ArrayList<>(size);
        String parent = "none";
        for (int n = 1; n <= size; n++) {
            MigrationSpec spec = migration(n, parent);
            specs.add(spec);
            parent = spec.revision();
        }
        return specs;
    }

    private MigrationSpec migration(int n, String parent) {
        String table = tableOf(n);
        List<String> up = new ArrayList<>(List.of(
                "CREATE TABLE " + table + " (id bigint PRIMARY KEY, name text NOT NULL)",
                "ALTER TABLE " + table + " ADD COLUMN note text",
                "CREATE INDEX " + table + "_name_idx ON " + table + " (name)",
                "INSERT INTO " + table + " (id, name) VALUES (1, 'first')",
                "INSERT INTO " + table + " (id, name) VALUES (2, 'second')",
                "INSERT INTO " + table + " (id, name, note) VALUES (3, 'third', 'with a note')"));
        List<String> down = new ArrayList<>();
        String message = "create " + table.replace('_', ' ');
        if (kind == Kind.ALTERS_EARLIER && n > 1) {
            String earlier = tableOf(n - 1);
            up.addAll(List.of(
                    "ALTER TABLE " + earlier + " ADD COLUMN extra varchar(100)",
                    "CREATE INDEX CONCURRENTLY " + earlier + "_note_idx ON " + earlier + " (note)",
                    "-- stepwise:batch size=1000\nUPDATE " + earlier + " SET extra = name WHERE extra IS NULL"));
            // the reverse order of the up
            down.addAll(List.of(
                    "DROP INDEX CONCURRENTLY " + earlier + "_note_idx",
                    "ALTER TABLE " + earlier + " DROP COLUMN extra"));
            message += " and alter " + earlier.replace('_', ' ');
            if (n > 2) {
                up.add("ALTER TABLE " + tableOf(n - 2) + " ALTER COLUMN extra TYPE text");
            }
        }
        down.add("DROP TABLE " + table);
        return new MigrationSpec(n, revisionOf(n), parent, message, up, down);
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

    /** How many tables an {@link Kind#APPLICATION} history of {@code size} migrations leaves at head. */
    public static int applicationTables(int size) {
        return (size + ApplicationHistory.PER_TABLE - 1) / ApplicationHistory.PER_TABLE;
    }

    /** The name of the table migration {@code n} creates; for checks after a run. */
    public static String tableOf(int n) {
        return String.format("item_%04d", n);
    }
}
