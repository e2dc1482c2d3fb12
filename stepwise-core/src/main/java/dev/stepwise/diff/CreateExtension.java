package dev.stepwise.diff;

import dev.stepwise.schema.Extension;

/** An extension installed (its types and functions come with it). */
public record CreateExtension(Extension extension) implements SchemaChange {

    @Override
    public String describe() {
        return "create extension " + extension.name();
    }
}
