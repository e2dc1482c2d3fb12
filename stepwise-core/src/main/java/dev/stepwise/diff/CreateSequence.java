package dev.stepwise.diff;

import dev.stepwise.schema.Sequence;

/** A new sequence (its owner, if any, is set once the table is there). */
public record CreateSequence(Sequence sequence) implements SchemaChange {

    @Override
    public String describe() {
        return "create sequence " + sequence.name();
    }
}
