package dev.stepwise.bench.corpus;

import java.util.List;

/**
 * A migration history shaped like an application's, for the stairway benchmark: each table is
 * created by one migration and changed by the four after it, so most migrations alter a table
 * that already exists, the safe way (indexes built concurrently, constraints added
 * {@code NOT VALID} and validated after), and every one has the {@code +down} that undoes exactly
 * what it did, so {@code stepwise test} walks all of them.
 *
 * <p>Migration {@code n} works on table {@code item_<k>}, {@code k = (n - 1) / 5 + 1}:
 * <ol>
 *   <li>creates it (identity key, a foreign key to the table before, an index on that key, two rows);</li>
 *   <li>adds two nullable columns;</li>
 *   <li>builds an index concurrently;</li>
 *   <li>adds a check constraint {@code NOT VALID} and validates it;</li>
 *   <li>by turns: a unique constraint over a concurrently built unique index; an enum type and a
 *       column of it; a view; a foreign key to the first table, {@code NOT VALID} and validated.</li>
 * </ol>
 */
final class ApplicationHistory {

    /** Migrations per table: its creation and the four changes after it. */
    static final int PER_TABLE = 5;

    private final int size;

    ApplicationHistory(int size) {
        this.size = size;
    }

    List<MigrationSpec> migrations() {
        List<MigrationSpec> specs = new java.util.ArrayList<>(size);
        String parent = "none";
        for (int n = 1; n <= size; n++) {
            MigrationSpec spec = migration(n, parent);
            specs.add(spec);
            parent = spec.revision();
        }
        return specs;
    }

    private static MigrationSpec migration(int n, String parent) {
        int k = (n - 1) / PER_TABLE + 1;
        String t = Corpus.tableOf(k);
        Change change = switch ((n - 1) % PER_TABLE) {
            case 0 -> create(k, t);
            case 1 -> new Change("add note and status to " + t, List.of(
                    "ALTER TABLE " + t + " ADD COLUMN note text",
                    "ALTER TABLE " + t + " ADD COLUMN status varchar(20)"), List.of(
                    "ALTER TABLE " + t + " DROP COLUMN status",
                    "ALTER TABLE " + t + " DROP COLUMN note"));
            case 2 -> new Change("index " + t + " name", List.of(
                    "CREATE INDEX CONCURRENTLY " + t + "_name_idx ON " + t + " (name)"), List.of(
                    "DROP INDEX CONCURRENTLY " + t + "_name_idx"));
            case 3 -> new Change("check " + t + " name not empty", List.of(
                    "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_name_not_empty CHECK (name <> '') NOT VALID",
                    "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + t + "_name_not_empty"), List.of(
                    "ALTER TABLE " + t + " DROP CONSTRAINT " + t + "_name_not_empty"));
            default -> fifth(k, t);
        };
        return new MigrationSpec(n, Corpus.revisionOf(n), parent, change.message(), change.up(), change.down());
    }

    private static Change create(int k, String t) {
        // the first table has no table before it to refer to
        String parentColumn = k == 1 ? "" : ", parent_id bigint REFERENCES " + Corpus.tableOf(k - 1) + " (id)";
        List<String> up = new java.util.ArrayList<>(List.of(
                "CREATE TABLE " + t + " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,"
                        + " created_at timestamptz NOT NULL DEFAULT now()" + parentColumn + ")"));
        if (k > 1) {
            up.add("CREATE INDEX " + t + "_parent_id_idx ON " + t + " (parent_id)");
        }
        up.add("INSERT INTO " + t + " (name) VALUES ('first'), ('second')");
        return new Change("create " + t, up, List.of("DROP TABLE " + t));
    }

    private static Change fifth(int k, String t) {
        return switch (k % 4) {
            case 1 -> new Change("unique " + t + " name", List.of(
                    "CREATE UNIQUE INDEX CONCURRENTLY " + t + "_name_key ON " + t + " (name)",
                    "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_name_key UNIQUE USING INDEX " + t + "_name_key"),
                    // dropping the constraint drops the index it took over
                    List.of("ALTER TABLE " + t + " DROP CONSTRAINT " + t + "_name_key"));
            case 2 -> new Change("state of " + t, List.of(
                    "CREATE TYPE " + t + "_state AS ENUM ('new', 'active', 'closed')",
                    "ALTER TABLE " + t + " ADD COLUMN state " + t + "_state"), List.of(
                    "ALTER TABLE " + t + " DROP COLUMN state",
                    "DROP TYPE " + t + "_state"));
            case 3 -> new Change("view of recent " + t, List.of(
                    "CREATE VIEW " + t + "_recent AS SELECT id, name, created_at FROM " + t
                            + " WHERE created_at > now() - interval '7 days'"), List.of(
                    "DROP VIEW " + t + "_recent"));
            default -> new Change("owner of " + t, List.of(
                    "ALTER TABLE " + t + " ADD COLUMN owner_id bigint",
                    "ALTER TABLE " + t + " ADD CONSTRAINT " + t + "_owner_fk FOREIGN KEY (owner_id) REFERENCES "
                            + Corpus.tableOf(1) + " (id) NOT VALID",
                    "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + t + "_owner_fk"), List.of(
                    "ALTER TABLE " + t + " DROP CONSTRAINT " + t + "_owner_fk",
                    "ALTER TABLE " + t + " DROP COLUMN owner_id"));
        };
    }

    /** What one migration does: its message, its up and its down. */
    private record Change(String message, List<String> up, List<String> down) {
    }
}
