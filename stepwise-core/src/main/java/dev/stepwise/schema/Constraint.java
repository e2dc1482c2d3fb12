package dev.stepwise.schema;

import java.util.List;

/**
 * A table constraint; {@code definition} is PostgreSQL's own text of it
 * ({@code pg_get_constraintdef}), which two equal constraints share.
 *
 * @param foreignKey what a foreign key references and its actions; null for other kinds
 */
public record Constraint(String name, Kind kind, List<String> columns, String definition, Deferral deferral,
                         Validation validation, ForeignKey foreignKey) {

    /** The kinds of table constraint. */
    public enum Kind { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUSION }

    /** When the constraint is checked. */
    public enum Deferral { NOT_DEFERRABLE, DEFERRABLE_IMMEDIATE, DEFERRABLE_DEFERRED }

    /** Whether the existing rows were checked ({@code NOT VALID} leaves them unchecked). */
    public enum Validation { VALIDATED, NOT_VALID }

    /** The referenced side of a foreign key and its actions (PostgreSQL's words: {@code CASCADE}, {@code NO ACTION}). */
    public record ForeignKey(ObjectName references, List<String> referencedColumns, String onUpdate,
                             String onDelete, String match) {

        public ForeignKey {
            referencedColumns = List.copyOf(referencedColumns);
        }
    }

    public Constraint {
        columns = List.copyOf(columns);
    }
}
