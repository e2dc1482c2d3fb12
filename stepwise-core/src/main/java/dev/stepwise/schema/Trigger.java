package dev.stepwise.schema;

/** A trigger on a table or view, with PostgreSQL's {@code CREATE TRIGGER} text of it. */
public record Trigger(ObjectName table, String name, String definition, Firing firing) {

    /** Whether it fires ({@code ALTER TABLE ... DISABLE TRIGGER} turns it off). */
    public enum Firing { ENABLED, DISABLED, REPLICA, ALWAYS }
}
