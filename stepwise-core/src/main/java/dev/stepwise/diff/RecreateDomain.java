package dev.stepwise.diff;

import dev.stepwise.schema.Domain;

import java.util.List;

/**
 * A domain whose collation or base type changes, which PostgreSQL cannot do in place: a new
 * domain takes the name, each column of the old one is moved to it, and the old one is dropped.
 */
public record RecreateDomain(Domain from, Domain to, List<TypedColumn> columns) implements SchemaChange {

    public RecreateDomain {
        columns = List.copyOf(columns);
    }

    @Override
    public String describe() {
        return "recreate domain " + to.name() + " as " + to.baseType()
                + (to.collation() == null ? "" : " collate " + to.collation());
    }
}
