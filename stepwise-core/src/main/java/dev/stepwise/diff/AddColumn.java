package dev.stepwise.diff;

import dev.stepwise.schema.Column;
import dev.stepwise.schema.ObjectName;

/** A column added to an existing table. */
public record AddColumn(ObjectName table, Column column) implements SchemaChange {

    @Override
    public String describe() {
        return "add column " + table + "." + column.name();
    }
}
