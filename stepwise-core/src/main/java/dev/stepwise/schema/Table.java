package dev.stepwise.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table with its columns (in their order, which PostgreSQL cannot change and a diff only
 * reports), constraints and indexes, and where it is partitioned or a partition, how.
 */
public record Table(ObjectName name, List<Column> columns, List<Constraint> constraints, List<Index> indexes,
                    Partitioning partitioning) {

    public Table {
        columns = List.copyOf(columns);
        constraints = List.copyOf(constraints);
        indexes = List.copyOf(indexes);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /**
     * How a table takes part in partitioning; {@link #NONE} for a plain table.
     *
     * @param key    the partition key of a partitioned table ({@code RANGE (created_at)}), or null
     * @param parent the partitioned table this one is a partition of, or null
     * @param bound  its bound ({@code FOR VALUES FROM (...) TO (...)}), or null
     */
    public record Partitioning(String key, ObjectName parent, String bound) {

        public static final Partitioning NONE = new Partitioning(null, null, null);
    }
}
