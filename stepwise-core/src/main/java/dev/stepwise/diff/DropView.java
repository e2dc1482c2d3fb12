package dev.stepwise.diff;

import dev.stepwise.schema.View;

/** A view or materialized view removed, or dropped to be made again around a change to what it reads. */
public record DropView(View view) implements SchemaChange {

    @Override
    public String describe() {
        return (view.kind() == View.Kind.MATERIALIZED ? "drop materialized view " : "drop view ") + view.name();
    }
}
