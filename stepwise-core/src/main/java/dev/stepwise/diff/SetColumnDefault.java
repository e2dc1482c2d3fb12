package dev.stepwise.diff;

import dev.stepwise.schema.ObjectName;

/** A column's default set, changed, or ({@code expression} null) dropped. */
public record SetColumnDefault(ObjectName table, String column, String expression) implements SchemaChange {

    @Override
    public String describe() {
        return (expression == null ? "drop default of " : "set default of ") + table + "." + column;
    }
}
