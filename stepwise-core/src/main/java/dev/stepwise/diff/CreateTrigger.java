package dev.stepwise.diff;

import dev.stepwise.schema.Trigger;

/** A trigger made, firing as its model says. */
public record CreateTrigger(Trigger trigger) implements SchemaChange {

    @Override
    public String describe() {
        return "create trigger " + trigger.name() + " on " + trigger.table();
    }
}
