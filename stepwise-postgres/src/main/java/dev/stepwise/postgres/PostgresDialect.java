package dev.stepwise.postgres;

import dev.stepwise.postgres.statement.PostgresIdentifiers;
import dev.stepwise.dialect.ConnectionSpec;
import dev.stepwise.dialect.Dialect;
import dev.stepwise.dialect.OrphanReaper;
import dev.stepwise.dialect.RunLock;
import dev.stepwise.dialect.ServerInfo;
import dev.stepwise.dialect.SchemaIntrospector;
import dev.stepwise.dialect.SessionRole;
import dev.stepwise.dialect.StatementUsage;
import dev.stepwise.dialect.TableNames;
import dev.stepwise.dialect.BatchPlanner;
import dev.stepwise.dialect.BlockerProbe;
import dev.stepwise.dialect.ErrorKind;
import dev.stepwise.dialect.MigrationLinter;
import dev.stepwise.dialect.StatementDescriber;
import dev.stepwise.dialect.StepReconciler;
import dev.stepwise.dialect.Timeouts;
import dev.stepwise.dialect.LockSampler;
import dev.stepwise.dialect.TableContents;
import dev.stepwise.postgres.stairway.PostgresLockSampler;
import dev.stepwise.postgres.stairway.PostgresTableContents;
import dev.stepwise.dialect.VersionTableSql;
import dev.stepwise.postgres.batch.PostgresBatchPlanner;
import dev.stepwise.postgres.describe.PostgresStatementDescriber;
import dev.stepwise.postgres.generate.PostgresMigrationGenerator;
import dev.stepwise.postgres.diff.ChangeRenderer;
import dev.stepwise.postgres.introspect.PostgresIntrospector;
import dev.stepwise.postgres.usage.PostgresStatementUsage;
import dev.stepwise.postgres.lint.PostgresLinter;
import dev.stepwise.postgres.resume.PostgresStepReconciler;
import dev.stepwise.postgres.statement.PostgresStatementClassifier;
import dev.stepwise.sql.StatementClassifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** The PostgreSQL dialect, registered for {@link java.util.ServiceLoader}. */
public final class PostgresDialect implements Dialect {

    /** Oldest server whose behaviour the dialect encodes (PostgreSQL 11: instant constant defaults). */
    static final int OLDEST_SUPPORTED_MAJOR = 11;

    /** How often a server checks that a Stepwise client is still there (PG 14+). */
    static final String CONNECTION_CHECK_INTERVAL = "1s";

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public boolean accepts(String url) {
        return PostgresUrl.accepts(url);
    }

    @Override
    public ConnectionSpec parseUrl(String url) {
        return PostgresUrl.parse(url);
    }

    @Override
    public ServerInfo serverInfo(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), "
                     + "current_setting('server_version_num')::int, current_database(), current_user")) {
            rs.next();
            return new ServerInfo("PostgreSQL", rs.getString(1).split(" ")[0], rs.getInt(2) / 10000,
                    rs.getString(3), rs.getString(4));
        }
    }

    @Override
    public StatementClassifier classifier(int serverMajorVersion) {
        return new PostgresStatementClassifier(serverMajorVersion);
    }

    @Override
    public int defaultServerMajorVersion() {
        return 17;
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return PostgresIdentifiers.quote(identifier);
    }

    @Override
    public String quoteLiteral(String value) {
        return PostgresIdentifiers.literal(value);
    }

    @Override
    public void prepareSession(Connection connection, SessionRole role, String runId) throws SQLException {
        // One round trip: every command opens connections, and short ones are on every call.
        // application_name names the run and the connection's job, so a later run can tell a
        // killed run's leftover backends from a live runner's. client_connection_check_interval
        // (PG 14+) makes a backend whose client was killed stop its statement (a concurrent
        // index build) instead of running on until it next talks to the client.
        boolean checksClient = connection.getMetaData().getDatabaseMajorVersion() >= 14;
        try (PreparedStatement s = connection.prepareStatement("SELECT set_config('application_name', ?, false)"
                + (checksClient ? ", set_config('client_connection_check_interval', '" + CONNECTION_CHECK_INTERVAL
                + "', false)" : ""))) {
            s.setString(1, applicationName(runId, role));
            s.executeQuery().close();
        }
    }

    static String applicationName(String runId, SessionRole role) {
        return "stepwise-" + runId + "-" + role.keyword();
    }

    @Override
    public VersionTableSql versionTableSql(TableNames names) {
        return new PostgresVersionTableSql(names);
    }

    @Override
    public RunLock runLock(Connection lockConnection, TableNames names) {
        return new AdvisoryRunLock(lockConnection, names);
    }

    @Override
    public OrphanReaper orphanReaper(Connection connection) {
        return new PostgresOrphanReaper(connection);
    }

    @Override
    public int backendPid(Connection connection) throws SQLException {
        return connection.unwrap(org.postgresql.PGConnection.class).getBackendPID();
    }

    @Override
    public BlockerProbe blockerProbe(Connection samplerConnection) {
        return new PostgresBlockerProbe(samplerConnection);
    }

    @Override
    public String timeoutSettings(Timeouts timeouts, Timeouts.Scope scope) {
        // One statement, so changing all three costs one round trip.
        String local = scope == Timeouts.Scope.TRANSACTION ? "true" : "false";
        StringBuilder sql = new StringBuilder("SELECT set_config('lock_timeout', '")
                .append(timeouts.lockTimeout().toMillis()).append("ms', ").append(local)
                .append("), set_config('statement_timeout', '").append(timeouts.statementTimeout().toMillis())
                .append("ms', ").append(local).append(')');
        if (timeouts.transactionTimeout() != null) {
            sql.append(", set_config('transaction_timeout', '").append(timeouts.transactionTimeout().toMillis())
                    .append("ms', ").append(local).append(')');
        }
        return sql.toString();
    }

    @Override
    public boolean enforcesTransactionTimeout(int serverMajorVersion) {
        return serverMajorVersion >= 17;
    }

    @Override
    public ErrorKind errorKind(SQLException error) {
        String state = error.getSQLState();
        if (state == null) {
            return ErrorKind.OTHER;
        }
        return switch (state) {
            case "55P03" -> ErrorKind.LOCK_TIMEOUT;
            case "40P01" -> ErrorKind.DEADLOCK;
            case "57014" -> ErrorKind.STATEMENT_TIMEOUT;
            case "25P04" -> ErrorKind.TRANSACTION_TIMEOUT;
            case "57P01", "57P02", "57P03" -> ErrorKind.CONNECTION_LOST;
            default -> state.startsWith("08") ? ErrorKind.CONNECTION_LOST : ErrorKind.OTHER;
        };
    }

    @Override
    public dev.stepwise.dialect.MigrationGenerator generator() {
        return new PostgresMigrationGenerator();
    }

    @Override
    public SchemaIntrospector introspector() {
        return new PostgresIntrospector();
    }

    @Override
    public dev.stepwise.dialect.SchemaChangeRenderer schemaChangeRenderer() {
        return new ChangeRenderer();
    }

    @Override
    public dev.stepwise.dialect.ColumnTypes columnTypes() {
        return new dev.stepwise.postgres.diff.PostgresColumnTypes();
    }

    @Override
    public Optional<StatementUsage> statementUsage() {
        return Optional.of(new PostgresStatementUsage());
    }

    @Override
    public BatchPlanner batchPlanner() {
        return new PostgresBatchPlanner();
    }

    @Override
    public StepReconciler stepReconciler(Connection connection) {
        return new PostgresStepReconciler(connection);
    }

    @Override
    public StatementDescriber statementDescriber() {
        return new PostgresStatementDescriber();
    }

    @Override
    public MigrationLinter linter() {
        return new PostgresLinter();
    }

    @Override
    public LockSampler lockSampler(Connection samplerConnection, String runId) {
        return new PostgresLockSampler(samplerConnection, runId);
    }

    @Override
    public TableContents tableContents() {
        return new PostgresTableContents();
    }
}
