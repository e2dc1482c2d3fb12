package dev.stepwise.diff;

import dev.stepwise.schema.Table;

/**
 * A new table with its columns and its constraints but foreign keys (those come last, as
 * {@link AddConstraint}s, once every table they reference exists); its indexes follow as
 * {@link CreateIndex} changes.
 */
public record CreateTable(Table table) implements SchemaChange {

    @Override
    public String describe() {
        return "create table " + table.name();
    }
}
