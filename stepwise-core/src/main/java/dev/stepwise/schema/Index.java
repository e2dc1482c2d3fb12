package dev.stepwise.schema;

/**
 * An index; {@code definition} is PostgreSQL's {@code CREATE INDEX} text ({@code pg_get_indexdef}):
 * method, columns and expressions, operator classes, sort order, {@code INCLUDE} and predicate.
 *
 * @param constraint the constraint the index belongs to (a primary key, unique or exclusion), or null
 * @param predicate  a partial index's {@code WHERE}, or null
 */
public record Index(String name, String definition, Uniqueness uniqueness, String constraint, String method,
                    String predicate) {

    /** Whether an index enforces uniqueness. */
    public enum Uniqueness { NON_UNIQUE, UNIQUE }
}
