package dev.stepwise.diff;

import dev.stepwise.schema.ColumnRef;
import dev.stepwise.schema.ObjectName;

/** The column a sequence belongs to (dropped with it), or none. */
public record SetSequenceOwner(ObjectName sequence, ColumnRef owner) implements SchemaChange {

    @Override
    public String describe() {
        return "sequence " + sequence + " owned by " + (owner == null ? "none" : owner);
    }
}
