package dev.stepwise.dialect;

import dev.stepwise.schema.SchemaModel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A database's schema as its migrations made it: without Stepwise's version and history tables,
 * and without their schema when they are all it holds. What {@code drift}, autogenerate against
 * a live database, and the JUnit extension's {@code schema()} compare.
 */
public final class ApplicationSchema {

    private ApplicationSchema() {
    }

    public static SchemaModel read(SchemaIntrospector introspector, Connection c, TableNames t) throws SQLException {
        SchemaIntrospector.Scope scope = new SchemaIntrospector.Scope(List.of(),
                List.of(t.schema() + "." + t.version(), t.schema() + "." + t.history()));
        SchemaModel model = introspector.introspect(c, scope);
        String own = t.schema();
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
