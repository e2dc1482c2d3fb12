package dev.stepwise.diff;

import dev.stepwise.schema.Trigger;

/** A trigger removed from a table that stays. */
public record DropTrigger(Trigger trigger) implements SchemaChange {

    @Override
    public String describe() {
        return "drop trigger " + trigger.name() + " on " + trigger.table();
    }
}
