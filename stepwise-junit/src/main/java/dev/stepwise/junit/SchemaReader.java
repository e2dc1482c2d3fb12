package dev.stepwise.junit;

import dev.stepwise.dialect.ApplicationSchema;
import dev.stepwise.dialect.SchemaIntrospector;
import dev.stepwise.dialect.TableNames;
import dev.stepwise.junit.server.TestDatabaseFailed;
import dev.stepwise.postgres.PostgresDialect;
import dev.stepwise.schema.SchemaModel;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Reads a test database's schema with the dialect's introspector, leaving out Stepwise's own
 * version and history tables (and their schema, when they are all it holds), so a test sees only
 * what its migrations made: the same view {@code drift} takes of a live database.
 */
final class SchemaReader {

    private final TableNames tables;
    private final SchemaIntrospector introspector = new PostgresDialect().introspector();

    SchemaReader(TableNames tables) {
        this.tables = tables;
    }

    SchemaModel read(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return ApplicationSchema.read(introspector, c, tables);
        } catch (SQLException e) {
            throw new TestDatabaseFailed("could not read the test database's schema: " + e.getMessage(), e);
        }
    }
}
