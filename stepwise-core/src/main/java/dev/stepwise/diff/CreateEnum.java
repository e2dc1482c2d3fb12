package dev.stepwise.diff;

import dev.stepwise.schema.EnumType;

/** A new enum type. */
public record CreateEnum(EnumType type) implements SchemaChange {

    @Override
    public String describe() {
        return "create enum " + type.name();
    }
}
