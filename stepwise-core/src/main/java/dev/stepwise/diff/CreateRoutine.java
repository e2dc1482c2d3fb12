package dev.stepwise.diff;

import dev.stepwise.schema.Routine;

/** A function or procedure made, or replaced in place where its signature and result stay. */
public record CreateRoutine(Routine routine) implements SchemaChange {

    @Override
    public String describe() {
        return "create " + routine.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + routine.signature();
    }
}
