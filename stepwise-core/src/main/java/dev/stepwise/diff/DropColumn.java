package dev.stepwise.diff;

import dev.stepwise.schema.Column;
import dev.stepwise.schema.ObjectName;

/** A column dropped from a table that stays. */
public record DropColumn(ObjectName table, Column column) implements SchemaChange {

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return "drop column " + table + "." + column.name();
    }
}
