package dev.stepwise.junit.assertions;

import dev.stepwise.schema.SchemaModel;
import dev.stepwise.schema.Table;
import org.assertj.core.api.Assertions;

/**
 * The entry point of the schema assertions, an extension of AssertJ's {@link Assertions}: one
 * static import gives both, {@code assertThat(schema).table("users").hasColumn("email")} next to
 * {@code assertThat(rows).hasSize(3)}.
 */
public class StepwiseAssertions extends Assertions {

    protected StepwiseAssertions() {
    }

    /** Assertions on a schema, e.g. {@link dev.stepwise.junit.StepwiseHandle#schema()}. */
    public static SchemaAssert assertThat(SchemaModel schema) {
        return new SchemaAssert(schema);
    }

    /** Assertions on one table of a schema. */
    public static TableAssert assertThat(Table table) {
        return new TableAssert(table);
    }
}
