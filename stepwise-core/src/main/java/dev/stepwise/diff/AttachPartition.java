package dev.stepwise.diff;

import dev.stepwise.schema.ObjectName;

/** A table attached as a partition with its bound ({@code FOR VALUES IN ('us', 'ca')}, {@code DEFAULT}). */
public record AttachPartition(ObjectName table, ObjectName parent, String bound) implements SchemaChange {

    @Override
    public String describe() {
        return "attach partition " + table + " to " + parent + " " + bound;
    }
}
