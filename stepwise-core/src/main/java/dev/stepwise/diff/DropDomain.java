package dev.stepwise.diff;

import dev.stepwise.schema.Domain;

/** A domain removed, after the columns that used it. */
public record DropDomain(Domain domain) implements SchemaChange {

    @Override
    public String describe() {
        return "drop domain " + domain.name();
    }
}
