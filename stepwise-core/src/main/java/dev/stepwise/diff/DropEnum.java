package dev.stepwise.diff;

import dev.stepwise.schema.EnumType;

/** An enum type removed, after the columns that used it. */
public record DropEnum(EnumType type) implements SchemaChange {

    @Override
    public String describe() {
        return "drop enum " + type.name();
    }
}
