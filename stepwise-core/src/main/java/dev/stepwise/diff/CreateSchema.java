package dev.stepwise.diff;

/** {@code CREATE SCHEMA}. */
public record CreateSchema(String name) implements SchemaChange {

    @Override
    public String describe() {
        return "create schema " + name;
    }
}
