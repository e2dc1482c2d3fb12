package dev.stepwise.dialect;

/**
 * A running embedded server this process holds a reference to; {@link #close()} lets go, and
 * the last holder out (across all processes sharing the state directory) stops it.
 */
public interface EmbeddedServer extends AutoCloseable {

    /** Where to connect, e.g. {@code jdbc:postgresql://127.0.0.1:54321/stepwise}. */
    String jdbcUrl();

    /** The user to connect as; the embedded server needs no password. */
    String user();

    /** One line for the user, e.g. {@code embedded PostgreSQL 17.7 in .stepwise/pg17 (port 54321)}. */
    String description();

    /** Lets go of this reference; stops the server when no other holder remains. Idempotent. */
    @Override
    void close();
}
