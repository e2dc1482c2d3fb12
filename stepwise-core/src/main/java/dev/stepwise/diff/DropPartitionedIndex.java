package dev.stepwise.diff;

import dev.stepwise.schema.Index;
import dev.stepwise.schema.ObjectName;

/** An index of a partitioned table removed, which PostgreSQL cannot do concurrently. */
public record DropPartitionedIndex(ObjectName table, Index index) implements SchemaChange {

    @Override
    public String describe() {
        return "drop index " + index.name() + " on " + table;
    }
}
