package dev.stepwise.diff;

import dev.stepwise.schema.Sequence;

/** A sequence removed (one its column or table takes along is not listed). */
public record DropSequence(Sequence sequence) implements SchemaChange {

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return "drop sequence " + sequence.name();
    }
}
