package dev.stepwise.diff;

import dev.stepwise.schema.View;

/** A view or materialized view made (again), with a materialized view's indexes. */
public record CreateView(View view) implements SchemaChange {

    @Override
    public String describe() {
        return (view.kind() == View.Kind.MATERIALIZED ? "create materialized view " : "create view ") + view.name();
    }
}
