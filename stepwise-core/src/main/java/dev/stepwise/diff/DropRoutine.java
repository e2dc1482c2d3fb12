package dev.stepwise.diff;

import dev.stepwise.schema.Routine;

/** A function or procedure removed. */
public record DropRoutine(Routine routine) implements SchemaChange {

    @Override
    public String describe() {
        return "drop " + routine.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + routine.signature();
    }
}
