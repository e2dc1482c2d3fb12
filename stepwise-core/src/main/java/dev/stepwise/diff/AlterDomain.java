package dev.stepwise.diff;

import dev.stepwise.schema.Domain;

/** A domain's default, nullability or checks changed (its base type and collation stay). */
public record AlterDomain(Domain from, Domain to) implements SchemaChange {

    @Override
    public String describe() {
        return "alter domain " + to.name();
    }
}
