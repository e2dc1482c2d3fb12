package dev.stepwise.diff;

import dev.stepwise.schema.EnumType;

import java.util.List;

/**
 * An enum type whose labels are removed or reordered, which PostgreSQL cannot do in place: a new
 * type takes the name, and each column of the old one is converted through its text.
 *
 * @param columns the columns of the type, with their defaults, which must be set again on the new type
 */
public record RecreateEnum(EnumType from, EnumType to, List<TypedColumn> columns) implements SchemaChange {

    public RecreateEnum {
        columns = List.copyOf(columns);
    }

    /** Rows holding a removed label cannot be converted: the change fails rather than lose them. */
    @Override
    public boolean destructive() {
        return !to.labels().containsAll(from.labels());
    }

    @Override
    public String describe() {
        return "recreate enum " + to.name() + " as " + to.labels() + " (was " + from.labels() + ")";
    }
}
