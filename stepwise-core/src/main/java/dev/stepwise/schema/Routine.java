package dev.stepwise.schema;

/**
 * A function or procedure; {@code definition} is PostgreSQL's {@code CREATE OR REPLACE} text of it
 * ({@code pg_get_functiondef}).
 *
 * @param arguments the identity arguments ({@code integer, text}), which with the name tell overloads apart
 */
public record Routine(ObjectName name, String arguments, Kind kind, String definition) {

    /** What {@code CREATE} made it. */
    public enum Kind { FUNCTION, PROCEDURE }

    /** The routine with its identity arguments, as messages name it (unquoted). */
    public String signature() {
        return name + "(" + arguments + ")";
    }
}
