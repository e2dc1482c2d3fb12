package dev.stepwise.dialect;

import dev.stepwise.schema.SchemaModel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads a database's schema into a {@link SchemaModel} with a fixed number of set-based catalog
 * queries (never one per table), so a schema of thousands of tables reads in one go.
 */
public interface SchemaIntrospector {

    /**
     * What to read: the schemas (empty: every schema but the system's), and relations to leave
     * out (Stepwise's own version tables).
     */
    record Scope(List<String> schemas, List<String> excludedRelations) {

        public static final Scope ALL = new Scope(List.of(), List.of());

        public Scope {
            schemas = List.copyOf(schemas);
            excludedRelations = List.copyOf(excludedRelations);
        }
    }

    SchemaModel introspect(Connection connection, Scope scope) throws SQLException;
}
