package dev.stepwise.reliability.secrets;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A PostgreSQL server of this scenario's own that asks for a password, unlike the suite's shared
 * server (and Stepwise's embedded default), which trust every local connection: a password that
 * is never checked could be lost on the way without anyone noticing.
 *
 * <p>Started with {@code initdb -A trust} as zonky does, then locked: the superuser is given a
 * password of its own (the test's, never the secret under test), a login role {@value #ROLE} gets
 * the secret, and {@code pg_hba.conf} is rewritten so that every connection, socket or TCP, must
 * answer a {@code scram-sha-256} challenge. No trust line is left: the test's own setup logs in
 * with the superuser's password like everyone else.
 */
final class PasswordServer implements AutoCloseable {

    /** The role Stepwise logs in as: it owns its databases and may create scratch ones (lint, test). */
    static final String ROLE = "app";
    static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres server;
    private final String superuserPassword;
    /** The test's own superuser sessions, one per database, kept open: each login costs a SCRAM exchange. */
    private final java.util.Map<String, Connection> sessions = new java.util.HashMap<>();

    private PasswordServer(EmbeddedPostgres server, String superuserPassword) {
        this.server = server;
        this.superuserPassword = superuserPassword;
    }

    /** Starts a server in {@code dataDirectory} on which {@link #ROLE} logs in with {@code password} only. */
    static PasswordServer start(Path dataDirectory, String password, String superuserPassword) {
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the password-requiring PostgreSQL", e);
        }
        PasswordServer server = new PasswordServer(pg, superuserPassword);
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl(SUPERUSER, "postgres"), SUPERUSER, "")) {
            setPassword(c, SUPERUSER, superuserPassword);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + ROLE + " LOGIN CREATEDB");
            }
            setPassword(c, ROLE, password);
            requirePasswords(dataDirectory);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException e) {
            server.close();
            throw new IllegalStateException("could not require passwords on the scenario's server: " + e.getMessage(), e);
        }
        return server;
    }

    /**
     * Sets a role's password as a bound parameter of {@code format()}, so the statement text the
     * server parses, and could log, never holds it.
     */
    private static void setPassword(Connection c, String role, String password) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT format('ALTER ROLE %I PASSWORD %L', ?, ?)")) {
            s.setString(1, role);
            s.setString(2, password);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                try (Statement alter = c.createStatement()) {
                    alter.execute(rs.getString(1));
                }
            }
        }
    }

    /** Every connection, over the socket or TCP, must prove it knows its role's password. */
    private static void requirePasswords(Path dataDirectory) {
        List<String> hba = new ArrayList<>();
        hba.add("# written by the secrets scenario: no trust, anywhere");
        hba.add("local all all scram-sha-256");
        hba.add("host all all 127.0.0.1/32 scram-sha-256");
        hba.add("host all all ::1/128 scram-sha-256");
        try {
            Files.write(dataDirectory.resolve("pg_hba.conf"), hba, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getPort();
    }

    /** {@code jdbc:postgresql://localhost:PORT/DATABASE}, with no credentials. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Whether {@link #ROLE} can open a session on {@code postgres} with this password (null: none). */
    boolean acceptsRole(String password) {
        Properties p = new Properties();
        p.setProperty("user", ROLE);
        if (password != null) {
            p.setProperty("password", password);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), p)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** A connection as the superuser, with its own password. */
    Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), SUPERUSER, superuserPassword);
    }

    /** A database owned by {@link #ROLE}. */
    void createDatabase(String name) {
        execute("postgres", "CREATE DATABASE " + name + " OWNER " + ROLE);
    }

    void execute(String database, String sql) {
        try (Statement s = session(database).createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of every row, as text. */
    List<String> column(String database, String query) {
        try (Statement s = session(database).createStatement(); ResultSet rs = s.executeQuery(query)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    private synchronized Connection session(String database) throws SQLException {
        Connection c = sessions.get(database);
        if (c == null) {
            c = superuser(database);
            sessions.put(database, c);
        }
        return c;
    }

    @Override
    public void close() {
        for (Connection c : sessions.values()) {
            try {
                c.close();
            } catch (SQLException e) {
                // the server stops next
            }
        }
        try {
            server.close();
        } catch (IOException e) {
            // stopping anyway; the data directory is the test's temporary one
        }
    }
}
