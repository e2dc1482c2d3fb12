package dev.stepwise.diff;

import dev.stepwise.schema.Index;
import dev.stepwise.schema.ObjectName;

/** An index dropped from a table that stays. */
public record DropIndex(ObjectName table, Index index) implements SchemaChange {

    @Override
    public String describe() {
        return "drop index " + index.name() + " on " + table;
    }
}
