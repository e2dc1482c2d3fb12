package dev.stepwise.expand;

import dev.stepwise.expand.GeneratorArgument.Name;

/**
 * What an expand/contract generator on {@code revision} is asked to write: one of the changes
 * below, with names as the user wrote them (the dialect folds unquoted ones).
 */
public sealed interface GeneratorRequest {

    /** A table, with its schema when given ({@code billing.orders}). */
    record TablePath(Name schema, Name table) {

        /** As the user wrote it, for messages. */
        @Override
        public String toString() {
            return (schema == null ? "" : show(schema) + ".") + show(table);
        }
    }

    /** A column of a table. */
    record ColumnPath(TablePath table, Name column) {

        @Override
        public String toString() {
            return table + "." + show(column);
        }
    }

    /** A one-line description for the migrations' messages when the user gives none. */
    String describe();

    /** {@code --rename-column TABLE.OLD:NEW}. */
    record RenameColumn(ColumnPath column, Name newName) implements GeneratorRequest {
        @Override
        public String describe() {
            return "rename column " + column + " to " + show(newName);
        }
    }

    /** {@code --change-type TABLE.OLD:NEW:TYPE --using EXPR --reverse EXPR}. */
    record ChangeType(ColumnPath column, Name newName, String type, String using, String reverse)
            implements GeneratorRequest {
        @Override
        public String describe() {
            return "change " + column + " to " + show(newName) + " " + type;
        }
    }

    /** {@code --rename-table OLD:NEW}. */
    record RenameTable(TablePath table, Name newName) implements GeneratorRequest {
        @Override
        public String describe() {
            return "rename table " + table + " to " + show(newName);
        }
    }

    /** {@code --add-required-column TABLE.COL:TYPE --default EXPR}. */
    record AddRequiredColumn(TablePath table, Name column, String type, String defaultValue)
            implements GeneratorRequest {
        @Override
        public String describe() {
            return "add required column " + table + "." + show(column) + " " + type;
        }
    }

    /** {@code --drop-column TABLE.COL}. */
    record DropColumn(ColumnPath column) implements GeneratorRequest {
        @Override
        public String describe() {
            return "drop column " + column;
        }
    }

    /** {@code --drop-table TABLE}. */
    record DropTable(TablePath table) implements GeneratorRequest {
        @Override
        public String describe() {
            return "drop table " + table;
        }
    }

    private static String show(Name name) {
        return name.quoted() ? '"' + name.text().replace("\"", "\"\"") + '"' : name.text();
    }
}
