package dev.stepwise.diff;

import dev.stepwise.schema.Table;

/** {@code DROP TABLE}, after the foreign keys that point at it were dropped. */
public record DropTable(Table table) implements SchemaChange {

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return "drop table " + table.name();
    }
}
