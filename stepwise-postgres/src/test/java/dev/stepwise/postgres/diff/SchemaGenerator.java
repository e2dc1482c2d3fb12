package dev.stepwise.postgres.diff;

import dev.stepwise.postgres.diff.SchemaSpec.ColumnSpec;
import dev.stepwise.postgres.diff.SchemaSpec.Family;
import dev.stepwise.postgres.diff.SchemaSpec.Part;
import dev.stepwise.postgres.diff.SchemaSpec.Partition;
import dev.stepwise.postgres.diff.SchemaSpec.TableSpec;
import dev.stepwise.postgres.diff.SchemaSpec.Type;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

import static dev.stepwise.postgres.diff.SchemaSpec.q;

/**
 * Random schemas over the enabled {@link GeneratedKind}s, and mutations of them that add, drop
 * and alter one object of a kind each: the property test's A is generated, its B is A mutated a
 * few times, so the two share most of their objects. Everything comes from one {@link Random},
 * so a case is its seed.
 */
final class SchemaGenerator {

    private static final String[] SCHEMAS = {"s1", "Sales", "select"};

    private final Random random;
    private final Set<GeneratedKind> kinds;

    SchemaGenerator(Random random, Set<GeneratedKind> kinds) {
        this.random = random;
        this.kinds = kinds;
    }

    SchemaSpec schema() {
        SchemaSpec s = new SchemaSpec();
        if (on(GeneratedKind.SCHEMAS)) {
            for (String n : SCHEMAS) {
                if (chance(30)) {
                    s.schemas.add(n);
                }
            }
        }
        int tables = 1 + random.nextInt(3);
        for (int i = 0; i < tables; i++) {
            addTable(s);
        }
        if (on(GeneratedKind.PARTITIONS) && chance(60)) {
            addPartitionedTable(s);
        }
        for (TableSpec t : s.tables) {
            for (int i = random.nextInt(3); i > 0; i--) {
                addConstraint(s, t);
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                addIndex(s, t);
            }
        }
        for (int i = random.nextInt(4); i > 0; i--) {
            addExtra(s);
        }
        return s;
    }

    /** A copy of the schema with one to four mutations. */
    SchemaSpec mutated(SchemaSpec a) {
        SchemaSpec b = a.copy();
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            List<Consumer<SchemaSpec>> possible = mutations(b);
            possible.get(random.nextInt(possible.size())).accept(b);
            b.repair();
        }
        return b;
    }

    private List<Consumer<SchemaSpec>> mutations(SchemaSpec s) {
        List<Consumer<SchemaSpec>> m = new ArrayList<>();
        m.add(this::addTable);
        if (s.tables.size() > 1) {
            m.add(x -> x.tables.remove(random.nextInt(x.tables.size())));
        }
        if (on(GeneratedKind.SCHEMAS)) {
            m.add(x -> {
                String n = SCHEMAS[random.nextInt(SCHEMAS.length)];
                if (!x.schemas.remove(n)) {
                    x.schemas.add(n);
                }
            });
        }
        if (on(GeneratedKind.COLUMNS)) {
            m.add(x -> {
                TableSpec t = table(x);
                t.columns.add(column(x, t));
            });
            m.add(x -> dropColumn(table(x)));
            m.add(x -> alterColumn(table(x)));
            m.add(x -> alterColumn(table(x)));
        }
        if (on(GeneratedKind.CONSTRAINTS)) {
            m.add(x -> addConstraint(x, table(x)));
            m.add(x -> dropPart(table(x).constraints));
            m.add(x -> {
                TableSpec t = table(x);
                if (dropPart(t.constraints)) {
                    addConstraint(x, t);
                }
            });
        }
        if (on(GeneratedKind.INDEXES)) {
            m.add(x -> addIndex(x, table(x)));
            m.add(x -> dropPart(table(x).indexes));
        }
        if (on(GeneratedKind.PARTITIONS)) {
            m.add(this::addPartitionedTable);
            m.add(this::changePartitions);
            m.add(this::changePartitions);
        }
        if (!extraKinds().isEmpty()) {
            m.add(this::addExtra);
            m.add(x -> {
                if (!x.extras.isEmpty()) {
                    x.extras.remove(random.nextInt(x.extras.size()));
                }
            });
        }
        return m;
    }

    private void addTable(SchemaSpec s) {
        TableSpec t = new TableSpec();
        t.schema = schemaFor(s);
        t.name = chance(25) ? s.newName("Tab ") : s.newName("t");
        t.columns.add(idColumn());
        t.constraints.add(new Part(t.name + "_pkey", "CONSTRAINT " + q(t.name + "_pkey") + " PRIMARY KEY (\"id\")",
                List.of("id"), null, null));
        for (int i = random.nextInt(4) + (on(GeneratedKind.COLUMNS) ? 1 : 0); i > 0; i--) {
            t.columns.add(column(s, t));
        }
        s.tables.add(t);
    }

    private void addPartitionedTable(SchemaSpec s) {
        TableSpec t = new TableSpec();
        t.schema = schemaFor(s);
        t.name = s.newName("p");
        t.columns.add(idColumn());
        ColumnSpec k = new ColumnSpec();
        k.name = "k";
        k.type = Type.INTEGER;
        k.notNull = true;
        t.columns.add(k);
        t.constraints.add(new Part(t.name + "_pkey", "CONSTRAINT " + q(t.name + "_pkey") + " PRIMARY KEY (\"id\", \"k\")",
                List.of("id", "k"), null, null));
        for (int i = random.nextInt(3); i > 0; i--) {
            ColumnSpec c = column(s, t);
            c.identity = null;
            t.columns.add(c);
        }
        String method = pick("LIST", "RANGE", "HASH");
        t.partitionKey = method + " (\"k\")";
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            t.partitions.add(new Partition(t.name + "_" + i, bound(method, i, parts)));
        }
        if (!method.equals("HASH") && chance(30)) {
            t.partitions.add(new Partition(t.name + "_default", "DEFAULT"));
        }
        s.tables.add(t);
    }

    private static String bound(String method, int i, int parts) {
        if (method.equals("LIST")) {
            return "FOR VALUES IN (" + (i * 10) + ")";
        }
        if (method.equals("RANGE")) {
            return "FOR VALUES FROM (" + (i * 10) + ") TO (" + (i * 10 + 10) + ")";
        }
        return "FOR VALUES WITH (MODULUS " + parts + ", REMAINDER " + i + ")";
    }

    /** Adds or drops a partition, or widens a list partition's bound. */
    private void changePartitions(SchemaSpec s) {
        List<TableSpec> partitioned = s.tables.stream().filter(t -> t.partitionKey != null).toList();
        if (partitioned.isEmpty()) {
            addPartitionedTable(s);
            return;
        }
        TableSpec t = partitioned.get(random.nextInt(partitioned.size()));
        boolean hash = t.partitionKey.startsWith("HASH");
        int choice = random.nextInt(3);
        if (choice == 0 && !hash) {
            int n = 100 + s.nextName++;
            t.partitions.add(new Partition(t.name + "_" + n, t.partitionKey.startsWith("LIST")
                    ? "FOR VALUES IN (" + n * 10 + ")" : "FOR VALUES FROM (" + n * 10 + ") TO (" + (n * 10 + 10) + ")"));
        } else if (choice == 1 && !hash && t.partitions.size() > 1) {
            t.partitions.remove(random.nextInt(t.partitions.size()));
        } else if (t.partitionKey.startsWith("LIST")) {
            for (int i = 0; i < t.partitions.size(); i++) {
                Partition p = t.partitions.get(i);
                if (p.bound().startsWith("FOR VALUES IN (")) {
                    t.partitions.set(i, new Partition(p.name(), p.bound().replace(")", ", " + (1000 + s.nextName++) + ")")));
                    return;
                }
            }
        }
    }

    private static ColumnSpec idColumn() {
        ColumnSpec id = new ColumnSpec();
        id.name = "id";
        id.type = Type.BIGINT;
        id.notNull = true;
        return id;
    }

    private ColumnSpec column(SchemaSpec s, TableSpec t) {
        ColumnSpec c = new ColumnSpec();
        c.name = chance(20) ? s.newName("Col ") : s.newName("c");
        c.type = Type.values()[random.nextInt(Type.values().length)];
        c.notNull = chance(30);
        attributes(c, t);
        return c;
    }

    /** A default, an identity, a generated expression or a collation, where the type takes it. */
    private void attributes(ColumnSpec c, TableSpec t) {
        c.defaultValue = null;
        c.identity = null;
        c.generated = null;
        c.collation = null;
        int what = random.nextInt(10);
        boolean integral = c.type == Type.INTEGER || c.type == Type.BIGINT;
        if (what < 4) {
            c.defaultValue = defaultFor(c.type);
        } else if (what == 4 && integral && t.partitionKey == null) {
            c.identity = pick("ALWAYS", "BY DEFAULT");
            c.notNull = true;
        } else if (what == 5 && (c.type.family == Family.NUMBER || c.type.family == Family.TEXT)) {
            c.generated = c.type.family == Family.TEXT ? "'n' || \"id\"" : "\"id\" * " + pick("2", "3");
        }
        if (c.type.family == Family.TEXT && chance(25)) {
            c.collation = pick("C", "POSIX");
        }
    }

    private String defaultFor(Type type) {
        switch (type.family) {
            case NUMBER:
                return pick("0", "42", "-1");
            case TEXT:
                return pick("'x'", "''", "'it''s'");
            case TIME:
                return type == Type.DATE ? pick("CURRENT_DATE", "'2026-01-01'") : pick("now()", "CURRENT_TIMESTAMP");
            case BOOL:
                return pick("true", "false");
            case JSON:
                return pick("'{}'::jsonb", "'[]'");
            case ARRAY:
                return "'{}'";
            default:
                return "'[1,2)'";
        }
    }

    private void dropColumn(TableSpec t) {
        List<ColumnSpec> droppable = t.columns.stream().filter(c -> !c.name.equals("id") && !c.name.equals("k")
                && !c.name.startsWith("ref_")).toList();
        if (!droppable.isEmpty()) {
            t.columns.remove(droppable.get(random.nextInt(droppable.size())));
        }
    }

    /** A new type, nullability, default, identity, generated expression or collation for one column. */
    private void alterColumn(TableSpec t) {
        List<ColumnSpec> alterable = t.columns.stream().filter(c -> !c.name.equals("id") && !c.name.equals("k")
                && !c.name.startsWith("ref_")).toList();
        if (alterable.isEmpty()) {
            return;
        }
        ColumnSpec c = alterable.get(random.nextInt(alterable.size()));
        switch (random.nextInt(3)) {
            case 0:
                Type to = Type.values()[random.nextInt(Type.values().length)];
                if (c.generated == null && c.identity == null && castable(c.type, to)) {
                    if (to.family != c.type.family) {
                        c.defaultValue = null;
                        c.collation = null;
                    }
                    c.type = to;
                }
                break;
            case 1:
                if (c.identity == null) {
                    c.notNull = !c.notNull;
                }
                break;
            default:
                attributes(c, t);
        }
    }

    /**
     * Types PostgreSQL casts between, both ways (the columns hold no rows, so any value fits).
     * Several mutations may change one column, and the diff back must cast again, so this is an
     * equivalence: numbers and text among each other, the other families within themselves.
     */
    private static boolean castable(Type from, Type to) {
        return castGroup(from) == castGroup(to);
    }

    private static Family castGroup(Type type) {
        return type.family == Family.NUMBER ? Family.TEXT : type.family;
    }

    private void addConstraint(SchemaSpec s, TableSpec t) {
        if (!on(GeneratedKind.CONSTRAINTS)) {
            return;
        }
        String name = s.newName("k");
        ColumnSpec c = t.columns.get(random.nextInt(t.columns.size()));
        int kind = random.nextInt(4);
        if (kind == 0 && c.type.family == Family.NUMBER) {
            t.constraints.add(new Part(name, "CONSTRAINT " + q(name) + " CHECK (" + q(c.name) + " > " + pick("-1", "-100")
                    + ")", List.of(c.name), Family.NUMBER, null));
        } else if (kind == 1 && t.partitionKey == null && c.type.family != Family.JSON && c.type.family != Family.ARRAY
                && c.type.family != Family.RANGE) {
            t.constraints.add(new Part(name, "CONSTRAINT " + q(name) + " UNIQUE " + pick("", "NULLS NOT DISTINCT ") + "("
                    + q(c.name) + ")" + pick("", " DEFERRABLE", " INCLUDE (\"id\")"), List.of(c.name), c.type.family, null));
        } else if (kind == 2 && t.partitionKey == null && c.type.family == Family.RANGE) {
            t.constraints.add(new Part(name, "CONSTRAINT " + q(name) + " EXCLUDE USING gist (" + q(c.name) + " WITH &&)",
                    List.of(c.name), Family.RANGE, null));
        } else {
            List<TableSpec> targets = s.tables.stream().filter(x -> x.partitionKey == null).toList();
            if (targets.isEmpty()) {
                return;
            }
            TableSpec target = targets.get(random.nextInt(targets.size()));
            ColumnSpec ref = new ColumnSpec();
            ref.name = s.newName("ref_");
            ref.type = Type.BIGINT;
            t.columns.add(ref);
            t.constraints.add(new Part(name, "CONSTRAINT " + q(name) + " FOREIGN KEY (" + q(ref.name) + ") REFERENCES "
                    + target.qualified() + " (\"id\")" + pick("", " MATCH FULL") + pick("", " ON DELETE CASCADE",
                    " ON DELETE SET NULL", " ON UPDATE RESTRICT") + pick("", " DEFERRABLE INITIALLY DEFERRED"),
                    List.of(ref.name), Family.NUMBER, target.qualified()));
        }
    }

    private void addIndex(SchemaSpec s, TableSpec t) {
        if (!on(GeneratedKind.INDEXES)) {
            return;
        }
        String name = s.newName("i");
        ColumnSpec c = t.columns.get(random.nextInt(t.columns.size()));
        String col = q(c.name);
        String on = "INDEX " + q(name) + " ON " + t.qualified();
        String sql;
        switch (c.type.family) {
            case TEXT:
                sql = pick("CREATE " + on + " (" + col + " text_pattern_ops)", "CREATE " + on + " (lower(" + col + "))",
                        "CREATE " + on + " USING hash (" + col + ")", "CREATE " + on + " (" + col + " COLLATE \"C\")");
                break;
            case NUMBER:
                sql = pick("CREATE " + on + " (" + col + " DESC NULLS LAST)", "CREATE " + on + " (" + col + ") WHERE ("
                        + col + " > 0)", "CREATE " + on + " (" + col + ") INCLUDE (\"id\")", "CREATE " + on
                        + " USING brin (" + col + ")");
                break;
            case TIME:
                sql = pick("CREATE " + on + " USING brin (" + col + ")", "CREATE " + on + " (" + col + " DESC)");
                break;
            case JSON:
                sql = pick("CREATE " + on + " USING gin (" + col + " jsonb_path_ops)", "CREATE " + on + " USING gin ("
                        + col + ")");
                break;
            case ARRAY:
                sql = "CREATE " + on + " USING gin (" + col + ")";
                break;
            case RANGE:
                sql = "CREATE " + on + " USING gist (" + col + ")";
                break;
            default:
                sql = "CREATE " + on + " (\"id\") WHERE " + col;
        }
        if (c.type.family == Family.NUMBER && t.partitionKey == null && chance(20)) {
            sql = "CREATE UNIQUE " + on + " (" + col + ")";
        }
        t.indexes.add(new Part(name, sql, List.of(c.name), c.type.family, null));
    }

    private void addExtra(SchemaSpec s) {
        List<GeneratedKind> extraKinds = extraKinds();
        if (extraKinds.isEmpty()) {
            return;
        }
        GeneratedKind kind = extraKinds.get(random.nextInt(extraKinds.size()));
        String name = s.newName("x");
        // in public, which no mutation drops
        String qualified = "public." + q(name);
        TableSpec table = table(s);
        String sql;
        switch (kind) {
            case EXTENSIONS:
                String extension = pick("citext", "pg_trgm", "btree_gist");
                if (s.extras.stream().anyMatch(e -> e.sql().contains(q(extension)))) {
                    return;
                }
                sql = "CREATE EXTENSION " + q(extension);
                break;
            case ENUMS:
                sql = "CREATE TYPE " + qualified + " AS ENUM (" + pick("'a', 'b'", "'a', 'b', 'c'", "'b', 'a'") + ")";
                break;
            case DOMAINS:
                sql = "CREATE DOMAIN " + qualified + " AS integer" + pick("", " NOT NULL", " DEFAULT 1")
                        + " CHECK (VALUE > " + pick("0", "-1") + ")";
                break;
            case SEQUENCES:
                sql = "CREATE SEQUENCE " + qualified + " INCREMENT " + pick("1", "5") + pick("", " CYCLE")
                        // a sequence belongs to a column of its own schema's tables only
                        + (table.schema.equals("public") ? pick("", " OWNED BY " + table.qualified() + ".\"id\"") : "");
                break;
            case ROUTINES:
                sql = pick("CREATE FUNCTION " + qualified + "(a integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT a + "
                        + random.nextInt(9) + " $$", "CREATE PROCEDURE " + qualified + "() LANGUAGE sql AS $$ SELECT 1 $$");
                break;
            case VIEWS:
                sql = "CREATE " + pick("", "MATERIALIZED ") + "VIEW " + qualified + " AS SELECT \"id\" FROM "
                        + table.qualified();
                break;
            case TRIGGERS:
                sql = "CREATE FUNCTION " + qualified + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
                        + "CREATE TRIGGER " + q(name) + " BEFORE INSERT ON " + table.qualified()
                        + " FOR EACH ROW EXECUTE FUNCTION " + qualified + "()";
                break;
            default:
                sql = "COMMENT ON TABLE " + table.qualified() + " IS " + pick("'one'", "'it''s two'");
        }
        boolean onTable = kind == GeneratedKind.VIEWS || kind == GeneratedKind.TRIGGERS
                || kind == GeneratedKind.COMMENTS || sql.contains(" OWNED BY ");
        s.extras.add(new SchemaSpec.Extra(kind, name, sql, onTable ? table.qualified() : null));
    }

    private List<GeneratedKind> extraKinds() {
        return kinds.stream().filter(GeneratedKind.AROUND_TABLES::contains).toList();
    }

    private String schemaFor(SchemaSpec s) {
        return s.schemas.isEmpty() || chance(50) ? "public" : s.schemas.get(random.nextInt(s.schemas.size()));
    }

    /** One of the tables, made first if a dropped schema took them all. */
    private TableSpec table(SchemaSpec s) {
        if (s.tables.isEmpty()) {
            addTable(s);
        }
        return s.tables.get(random.nextInt(s.tables.size()));
    }

    private boolean dropPart(List<Part> parts) {
        List<Part> droppable = parts.stream().filter(p -> !p.name().endsWith("_pkey")).toList();
        if (droppable.isEmpty()) {
            return false;
        }
        parts.remove(droppable.get(random.nextInt(droppable.size())));
        return true;
    }

    private boolean on(GeneratedKind kind) {
        return kinds.contains(kind);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }
}
