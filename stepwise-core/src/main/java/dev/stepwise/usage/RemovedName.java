package dev.stepwise.usage;

/**
 * A name a contract migration takes away from running code: a table or view ({@code column}
 * null), or a column of one. Names are as the database reads them (PostgreSQL folds unquoted
 * names to lower case); the schema is left out on purpose, so a statement naming the table
 * through {@code search_path} still counts.
 */
public record RemovedName(String table, String column) {

    public static RemovedName relation(String table) {
        return new RemovedName(table, null);
    }

    public static RemovedName column(String table, String column) {
        return new RemovedName(table, column);
    }

    @Override
    public String toString() {
        return column == null ? table : table + "." + column;
    }
}
