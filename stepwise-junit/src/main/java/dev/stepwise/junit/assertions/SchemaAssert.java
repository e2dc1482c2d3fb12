package dev.stepwise.junit.assertions;

import dev.stepwise.schema.ObjectName;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Table;
import org.assertj.core.api.AbstractAssert;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Assertions on a whole schema ({@link SchemaModel}): which tables it has, and a way into one of
 * them. Table names without a schema are in {@code public}.
 */
public final class SchemaAssert extends AbstractAssert<SchemaAssert, SchemaModel> {

    SchemaAssert(SchemaModel actual) {
        super(actual, SchemaAssert.class);
    }

    /** Verifies that the schema has the table ({@code users} or {@code schema.users}). */
    public SchemaAssert hasTable(String table) {
        existing(table);
        return this;
    }

    /** Verifies that the schema has no table of that name. */
    public SchemaAssert doesNotHaveTable(String table) {
        isNotNull();
        ObjectName name = QualifiedName.parse(table);
        if (actual.table(name).isPresent()) {
            failWithMessage("%nExpecting the schema not to have table %s, but it has it (columns: %s)", name,
                    TableAssert.columnNames(actual.table(name).get()));
        }
        return this;
    }

    /** Verifies that the schema has the table, and returns assertions on it. */
    public TableAssert table(String table) {
        return new TableAssert(existing(table));
    }

    private Table existing(String table) {
        isNotNull();
        ObjectName name = QualifiedName.parse(table);
        Optional<Table> found = actual.table(name);
        if (found.isEmpty()) {
            failWithMessage("%nExpecting the schema to have table %s, but %s", name, tablesThere());
        }
        return found.get();
    }

    private String tablesThere() {
        if (actual.tables().isEmpty()) {
            return "it has no tables";
        }
        return "its tables are: " + actual.tables().stream().map(t -> t.name().toString()).collect(Collectors.joining(", "));
    }
}
