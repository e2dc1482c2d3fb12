package dev.stepwise.diff;

import dev.stepwise.schema.ObjectName;

/**
 * A constraint that only changes its name (a renamed table keeps {@code orders_pkey}; schema/
 * says {@code purchases_pkey}): renamed in place, its index with it, instead of built again.
 */
public record RenameConstraint(ObjectName table, String from, String to) implements SchemaChange {

    @Override
    public String describe() {
        return "rename constraint " + from + " on " + table + " to " + to;
    }
}
