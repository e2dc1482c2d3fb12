package dev.stepwise.diff;

import dev.stepwise.schema.Table;

/**
 * Whether a table is partitioned: some dialects cannot add a constraint to a partitioned table
 * the way they would to a plain one (PostgreSQL: no {@code NOT VALID} foreign key, no
 * {@code USING INDEX}), so a change says which it touches.
 */
public enum TableShape {
    PLAIN, PARTITIONED;

    public static TableShape of(Table table) {
        return table.partitioning().key() == null ? PLAIN : PARTITIONED;
    }
}
