package dev.stepwise.reliability.resources;

import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A long, realistic migration history written into a project, the same for the same seed: one
 * chain of revisions that creates tables (with an index on each), adds nullable columns, builds
 * indexes concurrently on earlier tables (multi-step migrations), inserts reference rows,
 * backfills a new column in batches ({@code -- stepwise:batch}, docs/safe-execution.md) and
 * creates views; every migration has a {@code +down} that undoes it, and every one passes the
 * lint {@code upgrade} runs before it.
 */
final class History {

    /** A table of the history and the columns it has by then. */
    private static final class Table {
        final String name;
        final List<String> columns = new ArrayList<>(List.of("name", "created_at"));

        Table(String name) {
            this.name = name;
        }
    }

    private final Random random;
    private final List<Table> tables = new ArrayList<>();
    private int concurrentBuilds;
    private int backfills;

    private History(long seed) {
        this.random = new Random(seed);
    }

    /** What a written history holds, for the test's assertions and the report. */
    record Written(int migrations, String head, int tables, int concurrentBuilds, int backfills) {
    }

    /** Writes {@code count} migrations into the project, from the seed. */
    static Written write(Project project, int count, long seed) {
        History history = new History(seed);
        String parent = "none";
        for (int i = 1; i <= count; i++) {
            MigrationText migration = history.next(revision(i), parent, i);
            project.add(migration);
            parent = migration.revision();
        }
        return new Written(count, parent, history.tables.size(), history.concurrentBuilds, history.backfills);
    }

    static String revision(int i) {
        return String.format(Locale.ROOT, "m%05d", i);
    }

    private MigrationText next(String revision, String parent, int i) {
        int kind = tables.isEmpty() ? 0 : random.nextInt(100);
        if (kind < 20) {
            return createTable(revision, parent);
        } else if (kind < 45) {
            return addColumns(revision, parent);
        } else if (kind < 60) {
            return concurrentIndex(revision, parent);
        } else if (kind < 80) {
            return insertRows(revision, parent);
        } else if (kind < 86) {
            return batchedBackfill(revision, parent);
        } else if (kind < 93) {
            return tableWithConcurrentIndexElsewhere(revision, parent);
        }
        return createView(revision, parent);
    }

    private MigrationText createTable(String revision, String parent) {
        Table t = new Table("t_" + revision);
        tables.add(t);
        return MigrationText.of(revision, parent).header("message", "create " + t.name)
                .up(createTableSql(t))
                .down("DROP TABLE " + t.name + ";");
    }

    private static String createTableSql(Table t) {
        return "CREATE TABLE " + t.name + " (\n"
                + "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                + "    name text NOT NULL,\n"
                + "    created_at timestamptz NOT NULL DEFAULT now()\n"
                + ");\n"
                // a new table: nobody writes to it yet, so a plain build is fine
                + "CREATE INDEX ix_" + t.name + "_created_at ON " + t.name + " (created_at);";
    }

    private MigrationText addColumns(String revision, String parent) {
        Table t = anyTable();
        int n = 1 + random.nextInt(3);
        StringBuilder up = new StringBuilder();
        StringBuilder down = new StringBuilder();
        for (int c = 0; c < n; c++) {
            String column = "c_" + revision + "_" + c;
            String type = List.of("text", "integer", "numeric(12,2)", "timestamptz", "boolean").get(random.nextInt(5));
            up.append("ALTER TABLE ").append(t.name).append(" ADD COLUMN ").append(column).append(' ').append(type)
                    .append(";\n");
            down.insert(0, "ALTER TABLE " + t.name + " DROP COLUMN " + column + ";\n");
            t.columns.add(column);
        }
        return MigrationText.of(revision, parent).header("message", "add " + n + " column(s) to " + t.name)
                .up(up.toString().strip()).down(down.toString().strip());
    }

    private MigrationText concurrentIndex(String revision, String parent) {
        Table t = anyTable();
        String column = t.columns.get(random.nextInt(t.columns.size()));
        String index = "ix_" + revision;
        concurrentBuilds++;
        return MigrationText.of(revision, parent).header("message", "index " + t.name + " by " + column)
                .up("CREATE INDEX CONCURRENTLY " + index + " ON " + t.name + " (" + column + ");")
                .down("DROP INDEX CONCURRENTLY " + index + ";");
    }

    private MigrationText insertRows(String revision, String parent) {
        Table t = anyTable();
        int rows = 2 + random.nextInt(9);
        StringBuilder values = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            values.append(r == 0 ? "" : ",\n    ").append("('").append(revision).append('-').append(r).append("')");
        }
        return MigrationText.of(revision, parent).header("message", "reference rows for " + t.name)
                .up("INSERT INTO " + t.name + " (name) VALUES\n    " + values + ";")
                .down("DELETE FROM " + t.name + " WHERE name LIKE '" + revision + "-%';");
    }

    private MigrationText batchedBackfill(String revision, String parent) {
        Table t = anyTable();
        String column = "archived_" + revision;
        t.columns.add(column);
        backfills++;
        return MigrationText.of(revision, parent).header("message", "backfill " + t.name + "." + column)
                .up("ALTER TABLE " + t.name + " ADD COLUMN " + column + " boolean;\n"
                        + "-- stepwise:batch size=auto target=50ms pause=0ms\n"
                        + "UPDATE " + t.name + " SET " + column + " = false WHERE " + column + " IS NULL;")
                .down("ALTER TABLE " + t.name + " DROP COLUMN " + column + ";");
    }

    private MigrationText tableWithConcurrentIndexElsewhere(String revision, String parent) {
        Table old = anyTable();
        Table t = new Table("t_" + revision);
        tables.add(t);
        concurrentBuilds++;
        String index = "ix_" + revision + "_name";
        return MigrationText.of(revision, parent).header("message", "create " + t.name + ", index " + old.name)
                .up(createTableSql(t) + "\nCREATE INDEX CONCURRENTLY " + index + " ON " + old.name + " (name);\n"
                        + "COMMENT ON TABLE " + t.name + " IS 'made by " + revision + "';")
                .down("DROP INDEX CONCURRENTLY " + index + ";\nDROP TABLE " + t.name + ";");
    }

    private MigrationText createView(String revision, String parent) {
        Table t = anyTable();
        String view = "v_" + revision;
        return MigrationText.of(revision, parent).header("message", "view over " + t.name)
                .up("CREATE VIEW " + view + " AS\n    SELECT id, name, created_at FROM " + t.name
                        + "\n    WHERE created_at > now() - interval '30 days';")
                .down("DROP VIEW " + view + ";");
    }

    private Table anyTable() {
        // recent tables more often, as in a real project
        int n = tables.size();
        int back = Math.min(n - 1, (int) Math.abs(random.nextGaussian() * Math.max(1, n / 4.0)));
        return tables.get(n - 1 - back);
    }
}
