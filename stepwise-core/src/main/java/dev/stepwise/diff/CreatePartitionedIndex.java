package dev.stepwise.diff;

import dev.stepwise.schema.Index;
import dev.stepwise.schema.ObjectName;

import java.util.List;

/**
 * An index on an existing partitioned table, which PostgreSQL cannot build concurrently as a
 * whole: it is made on the parent alone, built concurrently on each partition, and attached.
 *
 * @param partitions every partition below the table, each after its parent
 */
public record CreatePartitionedIndex(ObjectName table, Index index, List<Partition> partitions) implements SchemaChange {

    /** A partition, the table it is a partition of, and whether it is partitioned itself. */
    public record Partition(ObjectName table, ObjectName parent, boolean partitioned) {
    }

    public CreatePartitionedIndex {
        partitions = List.copyOf(partitions);
    }

    @Override
    public String describe() {
        return "create index " + index.name() + " on " + table + " and its " + partitions.size() + " partitions";
    }
}
