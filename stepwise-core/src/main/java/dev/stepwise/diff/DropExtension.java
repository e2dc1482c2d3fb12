package dev.stepwise.diff;

import dev.stepwise.schema.Extension;

/** An extension removed, after everything that used it. */
public record DropExtension(Extension extension) implements SchemaChange {

    @Override
    public boolean destructive() {
        return true;
    }

    @Override
    public String describe() {
        return "drop extension " + extension.name();
    }
}
