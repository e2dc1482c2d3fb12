package dev.stepwise.diff;

import dev.stepwise.schema.Column;
import dev.stepwise.schema.ObjectName;

/** A column whose type is a given enum or domain (or an array of it), as the wanted model has it. */
public record TypedColumn(ObjectName table, Column column) {
}
