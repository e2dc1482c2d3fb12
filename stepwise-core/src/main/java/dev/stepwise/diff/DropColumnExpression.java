package dev.stepwise.diff;

import dev.stepwise.schema.ObjectName;

/** A generated column made a plain one, in place: it keeps the values it holds and its indexes. */
public record DropColumnExpression(ObjectName table, String column) implements SchemaChange {

    @Override
    public String describe() {
        return "make " + table + "." + column + " a plain column";
    }
}
