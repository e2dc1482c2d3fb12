package dev.stepwise.junit;

import dev.stepwise.dialect.SchemaIntrospector;
import dev.stepwise.dialect.TableNames;
import dev.stepwise.junit.server.TestDatabaseFailed;
import dev.stepwise.postgres.PostgresDialect;
import dev.stepwise.schema.SchemaModel;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

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
        SchemaIntrospector.Scope scope = new SchemaIntrospector.Scope(List.of(),
                List.of(tables.schema() + "." + tables.version(), tables.schema() + "." + tables.history()));
        SchemaModel model;
        try (Connection c = dataSource.getConnection()) {
            model = introspector.introspect(c, scope);
        } catch (SQLException e) {
            throw new TestDatabaseFailed("could not read the test database's schema: " + e.getMessage(), e);
        }
        return withoutEmptyVersionSchema(model);
    }

    private SchemaModel withoutEmptyVersionSchema(SchemaModel model) {
        String own = tables.schema();
        boolean used = model.tables().stream().anyMatch(x -> x.name().schema().equals(own))
                || model.views().stream().anyMatch(x -> x.name().schema().equals(own))
                || model.sequences().stream().anyMatch(x -> x.name().schema().equals(own))
                || model.enums().stream().anyMatch(x -> x.name().schema().equals(own))
                || model.domains().stream().anyMatch(x -> x.name().schema().equals(own))
                || model.routines().stream().anyMatch(x -> x.name().schema().equals(own));
        if (own.equals("public") || used || !model.schemas().contains(own)) {
            return model;
        }
        return new SchemaModel(model.schemas().stream().filter(s -> !s.equals(own)).toList(), model.extensions(),
                model.enums(), model.domains(), model.sequences(), model.tables(), model.views(), model.routines(),
                model.triggers(), model.comments(), model.unmodelled());
    }
}
