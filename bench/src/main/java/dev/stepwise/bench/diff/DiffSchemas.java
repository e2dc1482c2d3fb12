package dev.stepwise.bench.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The two schemas the diff benchmark compares, as SQL: database A with {@code tables} tables
 * (ten columns of assorted types, an identity primary key, three secondary indexes and a foreign
 * key to an earlier table each), and the statements that turn a copy of A into B, a realistic
 * release's worth of differences. Which tables change is fixed by their number, so the same size
 * always gives the same pair.
 */
public final class DiffSchemas {

    /** The tables per script chunk: one transaction locking thousands of new relations overruns the lock table. */
    static final int TABLES_PER_CHUNK = 200;

    private final int tables;
    private final int[] parentOf;

    public DiffSchemas(int tables) {
        if (tables < 200) {
            throw new IllegalArgumentException("bench.diffTables must be at least 200 (every kind of difference then"
                    + " touches at least one table), not " + tables);
        }
        this.tables = tables;
        this.parentOf = new int[tables + newTables() + 1];
        // a fixed seed: the same size always gives the same foreign keys
        Random random = new Random(42);
        parentOf[1] = 1;
        for (int i = 2; i <= tables; i++) {
            parentOf[i] = 1 + random.nextInt(i - 1);
        }
        for (int i = tables + 1; i < parentOf.length; i++) {
            int parent;
            do {
                parent = 1 + random.nextInt(tables);
            } while (dropped(parent));
            parentOf[i] = parent;
        }
    }

    public int tables() {
        return tables;
    }

    /** A's tables, in chunks of {@link #TABLES_PER_CHUNK}, each one multi-statement script and one transaction. */
    public List<String> schemaA() {
        List<String> chunks = new ArrayList<>();
        StringBuilder chunk = new StringBuilder();
        for (int i = 1; i <= tables; i++) {
            table(chunk, i);
            if (i % TABLES_PER_CHUNK == 0 || i == tables) {
                chunks.add(chunk.toString());
                chunk.setLength(0);
            }
        }
        return chunks;
    }

    /** The statements that turn a copy of A into B, one script. */
    public String differences() {
        StringBuilder sql = new StringBuilder();
        for (int i = 1; i <= tables; i++) {
            String t = name(i);
            if (addsColumn(i)) {
                sql.append("ALTER TABLE ").append(t).append(" ADD COLUMN note text;\n");
            }
            if (changesType(i)) {
                sql.append("ALTER TABLE ").append(t).append(" ALTER COLUMN quantity TYPE bigint;\n");
            }
            if (dropsColumn(i)) {
                sql.append("ALTER TABLE ").append(t).append(" DROP COLUMN external_id;\n");
            }
            if (addsIndex(i)) {
                sql.append("CREATE INDEX ").append(t).append("_name_idx ON ").append(t).append(" (name);\n");
            }
            if (dropsIndex(i)) {
                sql.append("DROP INDEX ").append(t).append("_created_idx;\n");
            }
        }
        for (int i = 1; i <= tables; i++) {
            if (dropped(i)) {
                // CASCADE takes the foreign keys of the tables that reference it along, as a release would
                sql.append("DROP TABLE ").append(name(i)).append(" CASCADE;\n");
            }
        }
        for (int i = tables + 1; i <= tables + newTables(); i++) {
            table(sql, i);
        }
        return sql.toString();
    }

    /** What {@link #differences()} changes, by kind, for the results file. */
    public Map<String, Integer> plannedDifferences() {
        Map<String, Integer> planned = new LinkedHashMap<>();
        planned.put("tables with an added column (`note text`)", count(this::addsColumn));
        planned.put("tables with a changed column type (`quantity` integer → bigint)", count(this::changesType));
        planned.put("tables with a dropped column (`external_id`)", count(this::dropsColumn));
        planned.put("added indexes (on `name`)", count(this::addsIndex));
        planned.put("dropped indexes (the partial one on `created_at`)", count(this::dropsIndex));
        planned.put("dropped tables", count(this::dropped));
        planned.put("foreign keys of other tables that referenced them (dropped by the CASCADE)", referencesToDropped());
        planned.put("new tables (each with its 3 indexes and foreign key)", newTables());
        return planned;
    }

    /** The names of the tables, for checking that both databases were built whole. */
    static String name(int table) {
        return String.format(Locale.ROOT, "entity_%05d", table);
    }

    private void table(StringBuilder sql, int i) {
        String t = name(i);
        sql.append("CREATE TABLE ").append(t).append(" (\n")
                .append("    id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n")
                .append("    parent_id bigint,\n")
                .append("    name text NOT NULL,\n")
                .append("    code varchar(32),\n")
                .append("    amount numeric(12,2) NOT NULL DEFAULT 0,\n")
                .append("    quantity integer,\n")
                .append("    active boolean NOT NULL DEFAULT true,\n")
                .append("    created_at timestamp with time zone NOT NULL DEFAULT now(),\n")
                .append("    payload jsonb,\n")
                .append("    external_id uuid\n")
                .append(");\n")
                .append("CREATE INDEX ").append(t).append("_parent_idx ON ").append(t).append(" (parent_id);\n")
                .append("CREATE UNIQUE INDEX ").append(t).append("_code_key ON ").append(t).append(" (code);\n")
                .append("CREATE INDEX ").append(t).append("_created_idx ON ").append(t)
                .append(" (created_at) WHERE active;\n")
                .append("ALTER TABLE ").append(t).append(" ADD CONSTRAINT ").append(t)
                .append("_parent_fk FOREIGN KEY (parent_id) REFERENCES ").append(name(parentOf[i])).append(" (id);\n");
    }

    // The kinds of difference pick disjoint tables (residues that never coincide), so each table
    // changes in one way and the counts add up.

    private boolean addsColumn(int i) {
        return i % 20 == 1;
    }

    private boolean changesType(int i) {
        return i % 50 == 2;
    }

    private boolean dropsColumn(int i) {
        return i % 100 == 3;
    }

    private boolean addsIndex(int i) {
        return i % 100 == 4;
    }

    private boolean dropsIndex(int i) {
        return i % 100 == 5;
    }

    private boolean dropped(int i) {
        return i <= tables && i % 200 == 6;
    }

    private int newTables() {
        return Math.max(1, tables / 200);
    }

    private int referencesToDropped() {
        int n = 0;
        for (int i = 1; i <= tables; i++) {
            if (!dropped(i) && dropped(parentOf[i])) {
                n++;
            }
        }
        return n;
    }

    private int count(java.util.function.IntPredicate kind) {
        int n = 0;
        for (int i = 1; i <= tables; i++) {
            if (kind.test(i)) {
                n++;
            }
        }
        return n;
    }
}
