package dev.stepwise.diff;

import dev.stepwise.schema.ObjectName;

/** A partition taken out of its partitioned table (rows kept) to be attached again with another bound. */
public record DetachPartition(ObjectName table, ObjectName parent) implements SchemaChange {

    @Override
    public String describe() {
        return "detach partition " + table + " from " + parent;
    }
}
