package dev.stepwise.diff;

import dev.stepwise.schema.ObjectName;

/** {@code VALIDATE CONSTRAINT} of a constraint that was {@code NOT VALID} and should hold for every row. */
public record ValidateConstraint(ObjectName table, String constraint) implements SchemaChange {

    @Override
    public String describe() {
        return "validate constraint " + constraint + " on " + table;
    }
}
