package dev.stepwise.junit.server;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database made for one test class on a server, empty as the server's {@code template1} is, and
 * dropped again by {@link #close()}.
 *
 * <p>Its name is {@code stepwise_<hint>_<random>}: the hint (the test class) says whose it is
 * when one is left behind on a shared server by a killed run, and the random part keeps two JVMs
 * on one server, or two runs of one class, apart.
 */
public final class TestDatabase implements AutoCloseable {

    private static final int HINT_LENGTH = 30;
    /** {@code DROP DATABASE ... WITH (FORCE)} arrived in PostgreSQL 13. */
    private static final int FORCE_DROP_VERSION = 130000;

    private final ServerEndpoint server;
    private final String name;
    private final ServerEndpoint endpoint;

    private TestDatabase(ServerEndpoint server, String name) {
        this.server = server;
        this.name = name;
        this.endpoint = server.withDatabase(name);
    }

    /**
     * Creates a database on the server that {@code server} reaches (connecting to the database it
     * names, whose user needs {@code CREATEDB}).
     */
    public static TestDatabase create(ServerEndpoint server, String hint) {
        TestDatabase database = new TestDatabase(server, nameFor(hint));
        database.execute("CREATE DATABASE " + database.name, "create");
        return database;
    }

    /** {@code stepwise_<hint>_<8 hex digits>}, the hint lowercased to {@code [a-z0-9_]} and shortened. */
    static String nameFor(String hint) {
        String cleaned = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        if (cleaned.length() > HINT_LENGTH) {
            cleaned = cleaned.substring(0, HINT_LENGTH);
        }
        return "stepwise_" + cleaned + "_" + String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    public String name() {
        return name;
    }

    /** The database's own URL and credentials. */
    public ServerEndpoint endpoint() {
        return endpoint;
    }

    /** A data source that opens a new connection to the database on each call (no pool). */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(endpoint.jdbcUrl());
        if (endpoint.user() != null) {
            dataSource.setUser(endpoint.user());
        }
        if (endpoint.password() != null) {
            dataSource.setPassword(endpoint.password());
        }
        return dataSource;
    }

    /**
     * Drops the database, ending the sessions still connected to it (a test that leaked a
     * connection must not keep its database alive).
     */
    @Override
    public void close() {
        try (Connection c = connectToServer()) {
            if (serverVersion(c) >= FORCE_DROP_VERSION) {
                run(c, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                return;
            }
            try (PreparedStatement end = c.prepareStatement(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
                end.setString(1, name);
                end.executeQuery().close();
            }
            run(c, "DROP DATABASE IF EXISTS " + name);
        } catch (SQLException e) {
            throw failed("drop", e);
        }
    }

    private void execute(String sql, String verb) {
        try (Connection c = connectToServer()) {
            run(c, sql);
        } catch (SQLException e) {
            throw failed(verb, e);
        }
    }

    private TestDatabaseFailed failed(String verb, SQLException e) {
        return new TestDatabaseFailed("could not " + verb + " the test database " + name + " on " + server.jdbcUrl()
                + " as " + (server.user() == null ? "the default user" : server.user()) + ": " + e.getMessage(), e);
    }

    private Connection connectToServer() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }

    private static void run(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int serverVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1));
        }
    }
}
