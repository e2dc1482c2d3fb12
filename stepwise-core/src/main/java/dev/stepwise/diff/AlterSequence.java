package dev.stepwise.diff;

import dev.stepwise.schema.Sequence;

/** A sequence's type, bounds, increment, cache or cycling changed; its position is kept. */
public record AlterSequence(Sequence from, Sequence to) implements SchemaChange {

    @Override
    public String describe() {
        return "alter sequence " + to.name();
    }
}
