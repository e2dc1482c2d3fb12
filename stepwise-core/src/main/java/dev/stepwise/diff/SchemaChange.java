package dev.stepwise.diff;

/**
 * One change of a schema diff, as data: the diff plans them, a dialect renders each into its safe
 * SQL, and {@link SchemaDiff} orders them so every object exists before what uses it.
 */
public sealed interface SchemaChange permits CreateSchema, DropSchema, CreateTable, DropTable, AddColumn, DropColumn,
        ChangeColumnType, SetColumnDefault, SetColumnNullability, SetColumnIdentity, DropColumnExpression, AddConstraint, DropConstraint, ValidateConstraint,
        CreateIndex, DropIndex, DetachPartition, AttachPartition {

    /** Whether the change destroys data (a dropped table or column): such changes go in a contract migration. */
    default boolean destructive() {
        return false;
    }

    /** One line for a summary: {@code add column public.orders.note}. */
    String describe();
}
