package dev.stepwise.command;

import dev.stepwise.dialect.Dialect;
import dev.stepwise.dialect.ConnectionSpec;
import dev.stepwise.dialect.SessionRole;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.source.Direction;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.sql.SqlStatement;
import dev.stepwise.sql.StatementClassifier;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * A scratch database on the replay server (the embedded one, or {@code replay_url}) that the earlier migrations are replayed into, so
 * lint knows what each migration meets: which tables exist, column types, constraints, function
 * volatility. Dropped when closed; the name carries the run id, so concurrent lints never meet.
 *
 * <p>The replay applies each migration's {@code +up} as written (batched statements run whole:
 * the tables are empty), transactional statements in one transaction per migration (committed
 * after an added enum value, so the statements after it may use it) and the others in autocommit, with {@code synchronous_commit} off: nothing here needs to survive a crash.
 */
final class ReplayDatabase implements AutoCloseable {

    private final ConnectionSpec server;
    private final Dialect dialect;
    private final String name;
    private final Connection connection;
    private final StatementClassifier classifier;
    private final int serverMajorVersion;

    private ReplayDatabase(ConnectionSpec server, Dialect dialect, String name, Connection connection,
                           int serverMajorVersion) {
        this.server = server;
        this.dialect = dialect;
        this.name = name;
        this.connection = connection;
        this.serverMajorVersion = serverMajorVersion;
        this.classifier = dialect.classifier(serverMajorVersion);
    }

    static ReplayDatabase create(ConnectionSpec server, Dialect dialect, String runId) {
        String name = "stepwise_lint_" + runId;
        try {
            try (Connection admin = open(server, server.jdbcUrl()); Statement s = admin.createStatement()) {
                s.execute("CREATE DATABASE " + dialect.quoteIdentifier(name));
            }
            Connection c = open(server, databaseUrl(server.jdbcUrl(), name));
            dialect.prepareSession(c, SessionRole.READ, runId);
            try (Statement s = c.createStatement()) {
                s.execute("SET synchronous_commit = off");
            }
            c.setAutoCommit(false);
            int major = dialect.serverInfo(c).majorVersion();
            // the version query opened a transaction: end it, so the database is read or changed from a clean start
            c.commit();
            return new ReplayDatabase(server, dialect, name, c, major);
        } catch (SQLException e) {
            throw new DatabaseException("creating the scratch database " + name + " to replay migrations into", e);
        }
    }

    private static Connection open(ConnectionSpec server, String url) throws SQLException {
        Properties p = new Properties();
        if (server.user() != null) {
            p.setProperty("user", server.user());
        }
        if (server.password() != null) {
            p.setProperty("password", server.password());
        }
        try {
            return DriverManager.getConnection(url, p);
        } catch (SQLException e) {
            throw new ConnectionFailedException("the replay server " + dev.stepwise.config.Secrets.redactUrl(url),
                    dev.stepwise.config.Secrets.scrub(e.getMessage(), server.password()), e.getSQLState());
        }
    }

    /** The same server URL with another database: {@code jdbc:postgresql://host:port/<name>}. */
    static String databaseUrl(String serverUrl, String database) {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String rest = query < 0 ? "" : serverUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + rest;
    }

    /** The scratch database's JDBC URL and the server's credentials, for a run of its own on it ({@code test}). */
    ConnectionSpec spec() {
        return new ConnectionSpec(databaseUrl(server.jdbcUrl(), name), server.user(), server.password());
    }

    int serverMajorVersion() {
        return serverMajorVersion;
    }

    /**
     * A new connection to the scratch database, for describing statements: a driver caches what
     * it learnt of a statement or a column on its connection, and a cache from before a migration
     * would speak for the schema after it. The caller closes it before this is closed.
     */
    Connection openSession() throws SQLException {
        Connection c = open(server, databaseUrl(server.jdbcUrl(), name));
        dialect.prepareSession(c, SessionRole.READ, name);
        return c;
    }

    /** The open connection, its transaction holding everything replayed so far. */
    Connection connection() {
        return connection;
    }

    /**
     * Applies a migration's {@code +up}.
     *
     * @throws ReplayFailed naming the statement the server refused; the database is left as the
     *                      migrations before it made it
     */
    void apply(SqlMigration migration) {
        apply(migration, Direction.UP);
    }

    /** Applies one section of a migration, as {@link #apply(SqlMigration)} does its {@code +up}. */
    void apply(SqlMigration migration, Direction direction) {
        SqlStatement current = null;
        try {
            for (SqlStatement statement : migration.plan(direction, classifier)) {
                current = statement;
                if (statement.runsInTransaction()) {
                    try (Statement s = connection.createStatement()) {
                        s.execute(statement.sql());
                    }
                    if (statement.traits().addedEnumValue() != null) {
                        // as an upgrade's step layout does: a new enum value is usable only once committed
                        connection.commit();
                    }
                } else {
                    connection.commit();
                    connection.setAutoCommit(true);
                    try (Statement s = connection.createStatement()) {
                        s.execute(statement.sql());
                    } finally {
                        connection.setAutoCommit(false);
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; closing reports nothing more useful
            }
            throw new ReplayFailed(migration.origin() + (current == null ? "" : ":" + current.line()) + ": "
                    + e.getMessage());
        }
    }

    /**
     * Runs one statement in autocommit, as psql runs a script: for a desired schema's SQL files,
     * where any statement may be one that cannot run in a transaction block.
     */
    void execute(String sql) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } finally {
            connection.setAutoCommit(false);
        }
    }

    /** The server refused a statement of the replay. */
    static final class ReplayFailed extends RuntimeException {
        ReplayFailed(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
            try (Connection admin = open(server, server.jdbcUrl()); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + dialect.quoteIdentifier(name));
            }
        } catch (SQLException e) {
            throw new DatabaseException("dropping the scratch database " + name, e);
        }
    }
}
