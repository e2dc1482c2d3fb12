package dev.stepwise.diff;

import dev.stepwise.schema.Column;
import dev.stepwise.schema.ObjectName;

/** A column's type or collation changed; {@code from} and {@code to} are the column before and after. */
public record ChangeColumnType(ObjectName table, Column from, Column to) implements SchemaChange {

    @Override
    public String describe() {
        return "change type of " + table + "." + to.name() + " from " + from.type() + " to " + to.type();
    }
}
