package dev.stepwise.dialect;

import dev.stepwise.sql.StatementClassifier;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What core needs to know about one database product: how to connect, which statements need a
 * step of their own, how the version tables are written, and how runners are serialised.
 *
 * <p>Implementations are found through {@link java.util.ServiceLoader}; core never names one.
 */
public interface Dialect {

    /** Short name, e.g. {@code postgresql}. */
    String name();

    /** Whether this dialect serves the URL (JDBC form or the product's native URI form). */
    boolean accepts(String url);

    /** Turns a user-given URL into a JDBC URL plus the credentials it carried. */
    ConnectionSpec parseUrl(String url);

    /** Version and identity of the server behind a connection. */
    ServerInfo serverInfo(Connection connection) throws SQLException;

    /** Classifies statements for a server of the given major version. */
    StatementClassifier classifier(int serverMajorVersion);

    /** The server major version assumed offline ({@code --sql}) when none is given. */
    int defaultServerMajorVersion();

    /** Quotes an identifier for this product when it needs quoting. */
    String quoteIdentifier(String identifier);

    /** Renders a string literal. */
    String quoteLiteral(String value);

    /**
     * Prepares a fresh connection: application name, liveness checks and other session settings
     * every Stepwise connection carries.
     */
    void prepareSession(Connection connection, SessionRole role, String runId) throws SQLException;

    /** The SQL that creates and maintains the version and history tables. */
    VersionTableSql versionTableSql(TableNames names);

    /** The lock that serialises concurrent runners on one database. */
    RunLock runLock(Connection lockConnection, TableNames names);

    /** Finds and ends the backends a killed earlier run left behind. */
    OrphanReaper orphanReaper(Connection connection);

    /** The server process (backend) serving a connection, as other sessions see it. */
    int backendPid(Connection connection) throws SQLException;

    /** Asks, on the given autocommit connection, who blocks other backends. */
    BlockerProbe blockerProbe(Connection samplerConnection);

    /**
     * The statement(s) that set the given timeouts, for the session or the current transaction;
     * one string, sent in one round trip.
     */
    String timeoutSettings(Timeouts timeouts, Timeouts.Scope scope);

    /** Whether the server bounds a transaction's length itself (else the runner's deadline does). */
    boolean enforcesTransactionTimeout(int serverMajorVersion);

    /** What a database error means for the runner. */
    ErrorKind errorKind(java.sql.SQLException error);

    /** The lint rules. */
    MigrationLinter linter();

    /** Turns batched {@code UPDATE}/{@code DELETE} statements into keyset batches. */
    BatchPlanner batchPlanner();

    /** The expand/contract generators of {@code revision}. */
    MigrationGenerator generator();

    /** Reads a database's schema into the model autogenerate, diff and drift compare. */
    SchemaIntrospector introspector();

    /** Renders the changes of a schema diff as statements, the safe way. */
    SchemaChangeRenderer schemaChangeRenderer();

    /** Which column type changes keep every value, for sorting a diff into expand and contract. */
    ColumnTypes columnTypes();

    /** The statement counters the contract gate's usage check reads, or empty where the dialect has none. */
    default Optional<StatementUsage> statementUsage() {
        return Optional.empty();
    }

    /** Reads back, after a crash, what a step that ran in autocommit left behind. */
    StepReconciler stepReconciler(Connection connection);

    /**
     * A sampler of the table locks and wait events of the backends of run {@code runId}, on its own
     * autocommit connection (for {@code stepwise test}).
     */
    LockSampler lockSampler(Connection samplerConnection, String runId);

    /** Digests, sizes and generated rows of tables (for {@code stepwise test}). */
    TableContents tableContents();

    /** Describes the running code's statements (parameter and result types) without running them, for {@code compat}. */
    StatementDescriber statementDescriber();
}
