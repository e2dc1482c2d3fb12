package dev.stepwise.schema;

/**
 * A sequence (identity columns' own sequences are part of the column, not listed here).
 *
 * @param ownedBy the column it belongs to ({@code serial}: dropped with the column), or null
 */
public record Sequence(ObjectName name, String dataType, long start, long increment, long min, long max,
                       long cache, Cycle cycle, ColumnRef ownedBy) {

    /** Whether the sequence wraps around at its limit. */
    public enum Cycle { NO_CYCLE, CYCLE }
}
