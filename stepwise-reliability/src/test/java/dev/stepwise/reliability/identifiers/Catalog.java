package dev.stepwise.reliability.identifiers;

import dev.stepwise.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The names a database really has, read from {@code pg_class}, {@code pg_attribute},
 * {@code pg_constraint}, {@code pg_trigger} and {@code pg_proc} with the names passed as
 * parameters, and compared as strings: what PostgreSQL stored, not what some SQL text says.
 */
final class Catalog {

    private final TestDatabase db;

    Catalog(TestDatabase db) {
        this.db = db;
    }

    List<String> schemas() {
        return strings("SELECT nspname FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                + " AND nspname <> 'information_schema' ORDER BY nspname");
    }

    /** Tables, views, sequences and indexes of the schema, as {@code kind:name}. */
    List<String> relations(String schema) {
        return strings("SELECT c.relkind::text || ':' || c.relname FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ?"
                + " AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'i', 'I') ORDER BY c.relname", schema);
    }

    boolean tableExists(String schema, String table) {
        return !strings("SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')", schema, table).isEmpty();
    }

    /** The columns in their order, each {@code name} or {@code name NOT NULL}. */
    List<String> columns(String schema, String table) {
        return strings("SELECT a.attname || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END"
                + " FROM pg_catalog.pg_attribute a" + onTable("a.attrelid")
                + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", schema, table);
    }

    List<String> columnNames(String schema, String table) {
        return strings("SELECT a.attname FROM pg_catalog.pg_attribute a" + onTable("a.attrelid")
                + " AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum", schema, table);
    }

    /** The table's constraints, as {@code type:name} ({@code c} check, {@code u} unique, {@code p} key, {@code f} foreign key). */
    List<String> constraints(String schema, String table) {
        return strings("SELECT k.contype::text || ':' || k.conname FROM pg_catalog.pg_constraint k" + onTable("k.conrelid")
                + " ORDER BY k.conname", schema, table);
    }

    List<String> indexes(String schema, String table) {
        return strings("SELECT ic.relname FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid"
                + onTable("i.indrelid") + " ORDER BY ic.relname", schema, table);
    }

    List<String> triggers(String schema, String table) {
        return strings("SELECT g.tgname FROM pg_catalog.pg_trigger g" + onTable("g.tgrelid")
                + " AND NOT g.tgisinternal ORDER BY g.tgname", schema, table);
    }

    List<String> functions(String schema) {
        return strings("SELECT p.proname FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n"
                + " ON n.oid = p.pronamespace WHERE n.nspname = ? ORDER BY p.proname", schema);
    }

    /** The enum's labels in their order. */
    List<String> enumLabels(String schema, String type) {
        return strings("SELECT e.enumlabel FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ? AND t.typname = ?"
                + " ORDER BY e.enumsortorder", schema, type);
    }

    /** The comment on a table, or null. */
    String tableComment(String schema, String table) {
        List<String> c = strings("SELECT coalesce(pg_catalog.obj_description(c.oid, 'pg_class'), '<none>')"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ?", schema, table);
        return c.isEmpty() || c.get(0).equals("<none>") ? null : c.get(0);
    }

    /** One column of the table as text, every row, sorted. */
    List<String> values(String schema, String table, String column) {
        String t = Written.qualified(schema, table);
        return strings("SELECT coalesce(" + Written.ident(column) + "::text, '<null>') FROM " + t).stream().sorted()
                .toList();
    }

    private static String onTable(String oidColumn) {
        return " JOIN pg_catalog.pg_class c ON c.oid = " + oidColumn
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?";
    }

    private List<String> strings(String sql, String... parameters) {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
