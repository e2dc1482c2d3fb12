package dev.stepwise.diff;

import dev.stepwise.schema.Column;
import dev.stepwise.schema.ObjectName;

/**
 * A column made an identity column, switched between {@code ALWAYS} and {@code BY DEFAULT}, or
 * no longer one, in place: its values, keys and indexes stay.
 */
public record SetColumnIdentity(ObjectName table, String column, Column.Identity from, Column.Identity to)
        implements SchemaChange {

    @Override
    public String describe() {
        return "identity of " + table + "." + column + ": " + from.name().toLowerCase(java.util.Locale.ROOT) + " to "
                + to.name().toLowerCase(java.util.Locale.ROOT);
    }
}
