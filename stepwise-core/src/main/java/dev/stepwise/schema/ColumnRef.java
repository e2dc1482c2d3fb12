package dev.stepwise.schema;

/** One column of one table. */
public record ColumnRef(ObjectName table, String column) {

    @Override
    public String toString() {
        return table + "." + column;
    }
}
