package dev.stepwise.postgres.generate;

import dev.stepwise.expand.GeneratorArgument.Name;
import dev.stepwise.expand.GeneratorRequest.ColumnPath;
import dev.stepwise.postgres.statement.PostgresIdentifiers;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What a column must be for a generator to move it to a new one or drop it, each refusal saying
 * why: the copy-and-sync shape cannot carry an identity, a primary key or a column other tables
 * point at, and a column that views or triggers use cannot be dropped without them.
 */
final class ColumnChecks {

    private ColumnChecks() {
    }

    static TableShape.Column movable(Connection c, String option, TableShape table, ColumnPath path)
            throws SQLException {
        TableShape.Column column = existing(option, table, path);
        String what = shown(table, column.name());
        if (column.identity() != ' ') {
            throw Refusal.of(option, what, "it is an identity column; its sequence belongs to the column itself and"
                    + " cannot be shared with a copy while both exist. Rename it in one step"
                    + " (ALTER TABLE ... RENAME COLUMN, with the code deploy), or drop the identity first");
        }
        if (column.generated()) {
            throw Refusal.of(option, what, "it is a generated column: there is nothing to keep in step; add the new"
                    + " generated column and drop this one in a contract migration");
        }
        if (table.primaryKey().contains(column.number())) {
            throw Refusal.of(option, what, "it is part of the primary key: a copy cannot be the key while both exist,"
                    + " and moving the key changes what foreign keys and replication identify rows by");
        }
        for (TableShape.ForeignKeyIn fk : table.referencedBy()) {
            if (fk.columns().contains(column.number())) {
                throw Refusal.of(option, what, "foreign key " + PostgresIdentifiers.quote(fk.name()) + " of " + fk.table()
                        + " references it; the"
                        + " contract's DROP COLUMN would have to drop that key. Point the key at the new column by"
                        + " hand first");
            }
        }
        for (TableShape.Index index : table.indexes()) {
            if (index.constraintType() == 'x' && index.columns().contains(column.number())) {
                throw Refusal.of(option, what, "exclusion constraint "
                        + PostgresIdentifiers.quote(index.constraintName()) + " uses it; copy it"
                        + " to the new column by hand (its index cannot be built concurrently)");
            }
        }
        refuseDependents(option, table, column, "the contract's DROP COLUMN would fail; move it to the new column"
                + " first, or rename in one step");
        if (table.primaryKey().isEmpty()) {
            throw Refusal.of(option, what, "table " + PostgresIdentifiers.quote(table.name()) + " has no primary key: the backfill walks the table"
                    + " in primary-key batches; add one first (CREATE UNIQUE INDEX CONCURRENTLY, then ADD PRIMARY KEY"
                    + " USING INDEX)");
        }
        return column;
    }

    static TableShape.Column droppable(TableShape table, ColumnPath path) {
        TableShape.Column column = existing("--drop-column", table, path);
        String what = shown(table, column.name());
        if (table.primaryKey().contains(column.number())) {
            throw Refusal.of("--drop-column", what, "it is part of the primary key; drop or replace the key first");
        }
        for (TableShape.ForeignKeyIn fk : table.referencedBy()) {
            if (fk.columns().contains(column.number())) {
                throw Refusal.of("--drop-column", what, "foreign key " + PostgresIdentifiers.quote(fk.name())
                        + " of " + fk.table()
                        + " references it; drop that key first");
            }
        }
        refuseDependents("--drop-column", table, column, "DROP COLUMN would fail without CASCADE; change or drop it"
                + " first");
        return column;
    }

    /** The column's name as PostgreSQL reads it, refused when the table has one of that name. */
    static String freeName(String option, TableShape table, Name name) {
        String folded = TableShapes.fold(name);
        if (table.column(folded).isPresent()) {
            throw Refusal.of(option, shown(table, folded), "the table has a column of that name already");
        }
        return folded;
    }

    private static TableShape.Column existing(String option, TableShape table, ColumnPath path) {
        String name = TableShapes.fold(path.column());
        return table.column(name).orElseThrow(() -> Refusal.of(option, path.toString(), "table "
                + PostgresIdentifiers.quote(table.schema()) + "." + PostgresIdentifiers.quote(table.name())
                + " has no column " + PostgresIdentifiers.quote(name) + " (columns: "
                + String.join(", ", table.columns().stream().map(c -> PostgresIdentifiers.quote(c.name())).toList()) + ")"));
    }

    private static void refuseDependents(String option, TableShape table, TableShape.Column column, String why) {
        List<String> users = table.dependents().stream().filter(d -> d.column() == column.number())
                .map(TableShape.Dependent::description).distinct().toList();
        if (!users.isEmpty()) {
            throw Refusal.of(option, shown(table, column.name()), String.join(", ", users) + " uses it: " + why);
        }
    }

    /** A column as the user would write it back: {@code "Order Items".id}. */
    private static String shown(TableShape table, String column) {
        return PostgresIdentifiers.quote(table.name()) + "." + PostgresIdentifiers.quote(column);
    }
}
