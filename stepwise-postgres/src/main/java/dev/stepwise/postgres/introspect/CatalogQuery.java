package dev.stepwise.postgres.introspect;

import dev.stepwise.dialect.SchemaIntrospector;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One set-based catalog query over every schema in scope. Each query starts from the same
 * {@code scope} (the schemas read) and {@code excluded} (relation OIDs left out) CTEs, so every
 * object kind costs one round trip however many tables there are.
 */
final class CatalogQuery {

    /** A row of a catalog query, turned into a model object. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private static final String SCOPE = "WITH scope AS (SELECT n.oid, n.nspname FROM pg_catalog.pg_namespace n"
            + " WHERE (pg_catalog.cardinality(?::text[]) = 0 AND n.nspname NOT LIKE 'pg\\_%'"
            + " AND n.nspname <> 'information_schema' OR n.nspname = ANY (?::text[]))"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_namespace'::regclass"
            + " AND d.objid = n.oid AND d.deptype = 'e')),"
            + " excluded AS (SELECT c.oid FROM pg_catalog.pg_class c JOIN scope s ON s.oid = c.relnamespace"
            + " WHERE s.nspname || '.' || c.relname = ANY (?::text[])"
            // objects an extension made are the extension's
            + " UNION SELECT d.objid FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass"
            + " AND d.deptype = 'e') ";

    private CatalogQuery() {
    }

    static <T> List<T> list(Connection c, SchemaIntrospector.Scope scope, String sql, RowReader<T> reader)
            throws SQLException {
        List<T> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SCOPE + sql)) {
            Array schemas = c.createArrayOf("text", scope.schemas().toArray());
            s.setArray(1, schemas);
            s.setArray(2, schemas);
            s.setArray(3, c.createArrayOf("text", scope.excludedRelations().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
        }
        return rows;
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(o -> (String) o).toList();
    }

    /** A constraint's text without the {@code NOT VALID} PostgreSQL appends: the model keeps validation apart. */
    static String withoutNotValid(String definition) {
        return definition.endsWith(" NOT VALID") ? definition.substring(0, definition.length() - 10) : definition;
    }
}
