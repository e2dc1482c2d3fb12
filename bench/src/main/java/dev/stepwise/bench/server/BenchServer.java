package dev.stepwise.bench.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one PostgreSQL server every tool of a run migrates: zonky's embedded PostgreSQL (the
 * binaries Stepwise ships), started once with the same settings for all tools, with a fresh
 * database from {@code template0} for each measured run.
 *
 * <p>{@code fsync} is off by default: every tool commits at least once per migration, and a
 * disk flush per commit would add the disk's noise (and charge Flyway's extra commits most)
 * without telling us anything about the tools. {@code -Dbench.fsync=on} measures with it (and
 * with {@code synchronous_commit} on, so each commit waits for its flush).
 */
public final class BenchServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres server;
    private final AtomicInteger databases = new AtomicInteger();

    private BenchServer(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * The server's own log, for finding out why a figure is what it is: statements slower than
     * {@code slowStatements} (a PostgreSQL duration, e.g. {@code 40ms}), every autovacuum and
     * analyze, lock waits over {@code deadlock_timeout} and checkpoints, written to {@code directory}.
     */
    public record ServerLog(java.nio.file.Path directory, String slowStatements) {
    }

    public static BenchServer start(boolean fsync) {
        return start(fsync, null);
    }

    /** The server, with its log written as {@code log} says (null: no log of its own). */
    public static BenchServer start(boolean fsync, ServerLog log) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (log != null) {
                java.nio.file.Files.createDirectories(log.directory());
                builder.setServerConfig("logging_collector", "on")
                        .setServerConfig("log_directory", log.directory().toAbsolutePath().toString())
                        .setServerConfig("log_min_duration_statement", log.slowStatements())
                        .setServerConfig("log_autovacuum_min_duration", "0")
                        .setServerConfig("log_lock_waits", "on")
                        .setServerConfig("log_checkpoints", "on");
            }
            return new BenchServer(builder
                    .setServerConfig("fsync", fsync ? "on" : "off")
                    // zonky turns synchronous_commit off by default; with fsync on, measure real commits
                    .setServerConfig("synchronous_commit", fsync ? "on" : "off")
                    .setServerConfig("max_connections", "50")
                    // room for the backfill benchmark's million-row table without a checkpoint mid-run
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("shared_buffers", "256MB")
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for the benchmark", e);
        }
    }

    /** A new empty database, named after its purpose. */
    public BenchDatabase createDatabase(String purpose) {
        String name = "b" + databases.incrementAndGet() + "_" + purpose.toLowerCase().replaceAll("[^a-z0-9]+", "_");
        execute("CREATE DATABASE " + name + " TEMPLATE template0");
        return new BenchDatabase(name, jdbcUrl(name), this);
    }

    /** A new database copied from another (a template nobody is connected to). */
    public BenchDatabase copyDatabase(String purpose, String template) {
        String name = "b" + databases.incrementAndGet() + "_" + purpose.toLowerCase().replaceAll("[^a-z0-9]+", "_");
        execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        return new BenchDatabase(name, jdbcUrl(name), this);
    }

    /** Renames a database nobody is connected to (dropping an older one of that name). */
    public void rename(BenchDatabase database, String name) {
        execute("DROP DATABASE IF EXISTS " + name);
        execute("ALTER DATABASE " + database.name() + " RENAME TO " + name);
    }

    public void drop(BenchDatabase database) {
        execute("DROP DATABASE " + database.name());
    }

    /** Writes out dirty buffers now, so no checkpoint lands in the middle of the next measured run. */
    public void checkpoint() {
        execute("CHECKPOINT");
    }

    /** The server's version string, e.g. {@code 17.7}. */
    public String version() {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the server version: " + e.getMessage(), e);
        }
    }

    public String setting(String name) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read " + name + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, "");
    }

    PGSimpleDataSource dataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl(database));
        ds.setUser(USER);
        return ds;
    }

    private void execute(String sql) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the benchmark's PostgreSQL", e);
        }
    }
}
