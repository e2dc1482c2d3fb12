package dev.stepwise.diff;

import dev.stepwise.schema.Domain;

/** A new domain. */
public record CreateDomain(Domain domain) implements SchemaChange {

    @Override
    public String describe() {
        return "create domain " + domain.name();
    }
}
