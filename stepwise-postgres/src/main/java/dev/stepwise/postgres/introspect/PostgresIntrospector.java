package dev.stepwise.postgres.introspect;

import dev.stepwise.dialect.SchemaIntrospector;
import dev.stepwise.schema.Index;
import dev.stepwise.schema.SchemaModel;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's catalog read into a {@link SchemaModel}: fourteen set-based queries (and a {@code SET LOCAL}) whatever the
 * number of tables, in one repeatable-read snapshot so the parts agree with each other.
 */
public final class PostgresIntrospector implements SchemaIntrospector {

    /** How many queries one introspection sends, however large the schema. */
    public static final int QUERIES = 14;

    @Override
    public SchemaModel introspect(Connection c, Scope scope) throws SQLException {
        boolean auto = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try {
            try (Statement s = c.createStatement()) {
                // every name in expressions, types and definitions comes out schema-qualified, so two
                // databases compare alike whatever their search_path, and rendered SQL means one thing
                s.execute("SET LOCAL search_path = pg_catalog");
            }
            Map<Long, List<Index>> indexes = TableReader.indexes(c, scope);
            SchemaModel model = new SchemaModel(
                    CatalogExtras.schemas(c, scope),
                    CatalogExtras.extensions(c, scope),
                    TypeReader.enums(c, scope),
                    TypeReader.domains(c, scope),
                    TypeReader.sequences(c, scope),
                    TableReader.read(c, scope, indexes),
                    CodeReader.views(c, scope, indexes),
                    CodeReader.routines(c, scope),
                    CodeReader.triggers(c, scope),
                    CatalogExtras.comments(c, scope),
                    CatalogExtras.unmodelled(c, scope));
            c.commit();
            return model;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setTransactionIsolation(isolation);
            c.setAutoCommit(auto);
        }
    }
}
