package dev.stepwise.diff;

/**
 * One change of a schema diff, as data: the diff plans them, a dialect renders each into its safe
 * SQL, and {@link SchemaDiff} orders them so every object exists before what uses it.
 */
public sealed interface SchemaChange permits CreateSchema, DropSchema, CreateTable, DropTable, AddColumn, DropColumn,
        ChangeColumnType, SetColumnDefault, SetColumnNullability, AddConstraint, DropConstraint, ValidateConstraint,
        CreateIndex, DropIndex, CreatePartitionedIndex, DropPartitionedIndex, DetachPartition, AttachPartition,
        CreateExtension, DropExtension, UpdateExtension, CreateEnum, DropEnum, AddEnumValues, RecreateEnum, RecreateDomain,
        CreateDomain, DropDomain, AlterDomain, CreateSequence, DropSequence, AlterSequence, SetSequenceOwner,
        CreateView, DropView, CreateRoutine, DropRoutine, CreateTrigger, DropTrigger, SetTriggerFiring, SetComment,
        SetColumnIdentity, DropColumnExpression, RenameConstraint, RenameIndex {

    /** Whether the change destroys data (a dropped table or column): such changes go in a contract migration. */
    default boolean destructive() {
        return false;
    }

    /** One line for a summary: {@code add column public.orders.note}. */
    String describe();
}
