package dev.stepwise.diff;

import dev.stepwise.schema.ObjectName;

/** An index that only changes its name: renamed in place instead of built again. */
public record RenameIndex(ObjectName table, String from, String to) implements SchemaChange {

    @Override
    public String describe() {
        return "rename index " + from + " on " + table + " to " + to;
    }
}
