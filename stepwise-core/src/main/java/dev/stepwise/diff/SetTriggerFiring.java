package dev.stepwise.diff;

import dev.stepwise.schema.Trigger;

/** A trigger enabled, disabled, or set to fire on replicas or always. */
public record SetTriggerFiring(Trigger trigger) implements SchemaChange {

    @Override
    public String describe() {
        return "set trigger " + trigger.name() + " on " + trigger.table() + " " + trigger.firing().name().toLowerCase(java.util.Locale.ROOT);
    }
}
