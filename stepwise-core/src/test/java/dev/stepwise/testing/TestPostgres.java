package dev.stepwise.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real PostgreSQL servers for tests: one embedded server per JVM and major version, started on
 * first use with {@code fsync=off}, and a fresh database per test cloned from an empty template.
 *
 * <p>Each {@link #newDatabase()} call returns a database no other test touches, so tests are
 * independent and may run in any order.
 */
public final class TestPostgres {

    /** The server version tests use unless they ask for another. */
    public static final String DEFAULT_VERSION = "17";

    private static final Map<String, TestPostgres> SERVERS = new ConcurrentHashMap<>();
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final EmbeddedPostgres server;

    private TestPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /** The shared server of the default version. */
    public static TestPostgres server() {
        return SERVERS.computeIfAbsent(DEFAULT_VERSION, v -> start());
    }

    private static TestPostgres start() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .start();
            TestPostgres server = new TestPostgres(pg);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            server.execute("postgres", "CREATE DATABASE stepwise_template");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
        }
    }

    /** A new, empty database of its own; returns its JDBC URL (user postgres, no password). */
    public TestDatabase newDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        execute("postgres", "CREATE DATABASE " + name + " TEMPLATE stepwise_template");
        return new TestDatabase(this, name, jdbcUrl(name));
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    public String user() {
        return "postgres";
    }

    /** Runs one statement in autocommit on the given database. */
    public void execute(String database, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(database), user(), "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private void close() {
        try {
            server.close();
        } catch (IOException e) {
            // shutting down anyway; the temporary cluster is removed by zonky
        }
    }
}
