package dev.stepwise.diff;

/** {@code DROP SCHEMA} of a schema the diff emptied first. */
public record DropSchema(String name) implements SchemaChange {

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return "drop schema " + name;
    }
}
