package dev.stepwise.diff;

import dev.stepwise.schema.Nullability;
import dev.stepwise.schema.ObjectName;

/** A column made {@code NOT NULL} (the dialect does it through a validated check) or nullable. */
public record SetColumnNullability(ObjectName table, String column, Nullability nullability) implements SchemaChange {

    @Override
    public String describe() {
        return (nullability == Nullability.NOT_NULL ? "set not null on " : "drop not null on ") + table + "." + column;
    }
}
