package dev.stepwise.postgres.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A generated schema, held as parts that {@link SchemaGenerator} makes and mutates and rendered
 * as the SQL that creates it. The parts are mutable and copied whole before a mutation: a test
 * generator's scratch data, never seen outside it.
 */
final class SchemaSpec {

    /** What a column's type allows on it: which defaults, indexes and checks fit. */
    enum Family { NUMBER, TEXT, TIME, BOOL, JSON, ARRAY, RANGE }

    /** The types generated columns take. */
    enum Type {
        INTEGER("integer", Family.NUMBER), BIGINT("bigint", Family.NUMBER), NUMERIC("numeric(12,2)", Family.NUMBER),
        TEXT("text", Family.TEXT), VARCHAR_20("varchar(20)", Family.TEXT), VARCHAR_80("varchar(80)", Family.TEXT),
        DATE("date", Family.TIME), TIMESTAMPTZ("timestamptz", Family.TIME), BOOLEAN("boolean", Family.BOOL),
        JSONB("jsonb", Family.JSON), TEXT_ARRAY("text[]", Family.ARRAY), INT4RANGE("int4range", Family.RANGE);

        final String sql;
        final Family family;

        Type(String sql, Family family) {
            this.sql = sql;
            this.family = family;
        }
    }

    static final class ColumnSpec {
        String name;
        Type type;
        boolean notNull;
        String defaultValue;
        String identity;
        String generated;
        String collation;

        ColumnSpec copy() {
            ColumnSpec c = new ColumnSpec();
            c.name = name;
            c.type = type;
            c.notNull = notNull;
            c.defaultValue = defaultValue;
            c.identity = identity;
            c.generated = generated;
            c.collation = collation;
            return c;
        }

        String sql() {
            StringBuilder s = new StringBuilder(q(name)).append(' ').append(type.sql);
            if (collation != null) {
                s.append(" COLLATE ").append(q(collation));
            }
            if (generated != null) {
                s.append(" GENERATED ALWAYS AS (").append(generated).append(") STORED");
            } else if (identity != null) {
                s.append(" GENERATED ").append(identity).append(" AS IDENTITY");
            } else if (defaultValue != null) {
                s.append(" DEFAULT ").append(defaultValue);
            }
            return s.append(notNull ? " NOT NULL" : "").toString();
        }
    }

    /**
     * A constraint or an index, as its SQL, with the columns it reads and the family they must
     * keep; {@code references} is a foreign key's referenced table.
     */
    record Part(String name, String sql, List<String> columns, Family family, String references) {
    }

    /** A partition: name and bound ({@code FOR VALUES IN (1)}, {@code DEFAULT}). */
    record Partition(String name, String bound) {
    }

    static final class TableSpec {
        String schema;
        String name;
        List<ColumnSpec> columns = new ArrayList<>();
        List<Part> constraints = new ArrayList<>();
        List<Part> indexes = new ArrayList<>();
        /** {@code LIST (k)}, {@code RANGE (k)} or {@code HASH (k)} for a partitioned table, else null. */
        String partitionKey;
        List<Partition> partitions = new ArrayList<>();

        TableSpec copy() {
            TableSpec t = new TableSpec();
            t.schema = schema;
            t.name = name;
            columns.forEach(c -> t.columns.add(c.copy()));
            t.constraints = new ArrayList<>(constraints);
            t.indexes = new ArrayList<>(indexes);
            t.partitionKey = partitionKey;
            t.partitions = new ArrayList<>(partitions);
            return t;
        }

        String qualified() {
            return q(schema) + "." + q(name);
        }

        ColumnSpec column(String columnName) {
            return columns.stream().filter(c -> c.name.equals(columnName)).findFirst().orElse(null);
        }
    }

    /** An object of a kind the diff does not change yet, as its SQL; {@code table} is the table it needs, or null. */
    record Extra(GeneratedKind kind, String name, String sql, String table) {
    }

    List<String> schemas = new ArrayList<>();
    List<TableSpec> tables = new ArrayList<>();
    List<Extra> extras = new ArrayList<>();
    int nextName;

    SchemaSpec copy() {
        SchemaSpec s = new SchemaSpec();
        s.schemas = new ArrayList<>(schemas);
        tables.forEach(t -> s.tables.add(t.copy()));
        s.extras = new ArrayList<>(extras);
        s.nextName = nextName;
        return s;
    }

    String newName(String prefix) {
        return prefix + nextName++;
    }

    /** The SQL that makes this schema: types and routines, tables, foreign keys, indexes, then what uses tables. */
    String sql() {
        StringBuilder s = new StringBuilder();
        schemas.forEach(n -> s.append("CREATE SCHEMA ").append(q(n)).append(";\n"));
        extras.stream().filter(e -> e.table() == null).forEach(e -> s.append(e.sql()).append(";\n"));
        for (TableSpec t : tables) {
            List<String> parts = new ArrayList<>();
            t.columns.forEach(c -> parts.add(c.sql()));
            t.constraints.stream().filter(c -> c.references() == null).forEach(c -> parts.add(c.sql()));
            s.append("CREATE TABLE ").append(t.qualified()).append(" (").append(String.join(", ", parts)).append(")")
                    .append(t.partitionKey == null ? "" : " PARTITION BY " + t.partitionKey).append(";\n");
            for (Partition p : t.partitions) {
                s.append("CREATE TABLE ").append(q(t.schema)).append('.').append(q(p.name())).append(" PARTITION OF ")
                        .append(t.qualified()).append(' ').append(p.bound()).append(";\n");
            }
        }
        for (TableSpec t : tables) {
            t.constraints.stream().filter(c -> c.references() != null).forEach(c -> s.append("ALTER TABLE ")
                    .append(t.qualified()).append(" ADD ").append(c.sql()).append(";\n"));
            t.indexes.forEach(i -> s.append(i.sql()).append(";\n"));
        }
        extras.stream().filter(e -> e.table() != null).forEach(e -> s.append(e.sql()).append(";\n"));
        return s.toString();
    }

    TableSpec table(String qualified) {
        return tables.stream().filter(t -> t.qualified().equals(qualified)).findFirst().orElse(null);
    }

    /** Drops what no longer fits after a mutation: parts on missing or retyped columns, foreign keys and extras on missing tables. */
    void repair() {
        tables.removeIf(t -> !t.schema.equals("public") && !schemas.contains(t.schema));
        for (TableSpec t : tables) {
            t.constraints.removeIf(p -> !fits(t, p) || p.references() != null && table(p.references()) == null);
            t.indexes.removeIf(p -> !fits(t, p));
        }
        extras.removeIf(e -> e.table() != null && table(e.table()) == null);
    }

    private static boolean fits(TableSpec t, Part p) {
        for (String column : p.columns()) {
            ColumnSpec c = t.column(column);
            if (c == null || p.family() != null && c.type.family != p.family()) {
                return false;
            }
        }
        return true;
    }

    static String q(String identifier) {
        return '"' + Objects.requireNonNull(identifier).replace("\"", "\"\"") + '"';
    }
}
