package dev.stepwise.diff;

import dev.stepwise.schema.Constraint;
import dev.stepwise.schema.ObjectName;

/** A constraint dropped from a table that stays. */
public record DropConstraint(ObjectName table, Constraint constraint) implements SchemaChange {

    @Override
    public String describe() {
        return "drop constraint " + constraint.name() + " on " + table;
    }
}
