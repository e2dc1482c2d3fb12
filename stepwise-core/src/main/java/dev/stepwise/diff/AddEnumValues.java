package dev.stepwise.diff;

import dev.stepwise.schema.EnumType;

/** Labels added to an enum type, each in its place among the ones it keeps. */
public record AddEnumValues(EnumType from, EnumType to) implements SchemaChange {

    @Override
    public String describe() {
        return "add values to enum " + to.name() + ": " + to.labels().stream().filter(l -> !from.labels().contains(l)).toList();
    }
}
