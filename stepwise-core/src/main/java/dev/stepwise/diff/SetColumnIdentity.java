package dev.stepwise.diff;

import dev.stepwise.schema.Column;
import dev.stepwise.schema.ObjectName;

/**
 * A column made an identity column, no longer one, or switched between {@code ALWAYS} and
 * {@code BY DEFAULT}: all in place, keeping the column's values, its indexes and the foreign keys
 * that reference it.
 */
public record SetColumnIdentity(ObjectName table, String column, Column.Identity from, Column.Identity to)
        implements SchemaChange {

    @Override
    public String describe() {
        return "make " + table + "." + column + (to == Column.Identity.NONE ? " no identity" : " identity " + to);
    }
}
