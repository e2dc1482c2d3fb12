package dev.stepwise.diff;

import dev.stepwise.schema.Constraint;
import dev.stepwise.schema.Index;
import dev.stepwise.schema.ObjectName;

/**
 * A constraint added to a table; on a {@link TableAge#NEW} table (empty) nothing needs
 * {@code NOT VALID} and a separate validation.
 *
 * @param index a primary key's, unique or exclusion constraint's own index, which on an existing
 *              table is built first without blocking writes; null for other kinds
 */
public record AddConstraint(ObjectName table, Constraint constraint, Index index, TableAge age, TableShape shape)
        implements SchemaChange {

    /** A constraint added to a plain table. */
    public AddConstraint(ObjectName table, Constraint constraint, Index index, TableAge age) {
        this(table, constraint, index, age, TableShape.PLAIN);
    }

    @Override
    public String describe() {
        return "add constraint " + constraint.name() + " on " + table;
    }
}
