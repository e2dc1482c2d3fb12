package dev.stepwise.diff;

import dev.stepwise.schema.Index;
import dev.stepwise.schema.ObjectName;

/** An index; on an existing table the dialect builds it without blocking writes. */
public record CreateIndex(ObjectName table, Index index, TableAge age) implements SchemaChange {

    @Override
    public String describe() {
        return "create index " + index.name() + " on " + table;
    }
}
