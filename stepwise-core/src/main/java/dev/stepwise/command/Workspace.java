package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.config.Secrets;
import dev.stepwise.config.StepwiseConfig;
import dev.stepwise.dialect.ConnectionSpec;
import dev.stepwise.dialect.Dialect;
import dev.stepwise.dialect.EmbeddedServer;
import dev.stepwise.dialect.EmbeddedServerProvider;
import dev.stepwise.dialect.SessionRole;
import dev.stepwise.history.VersionTables;
import dev.stepwise.run.ConnectionSource;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.run.RunEnvironment;
import dev.stepwise.run.RunEvents;
import dev.stepwise.run.RunListener;
import dev.stepwise.run.Sleeper;
import dev.stepwise.source.JavaMigrationScanner;
import dev.stepwise.source.MigrationCatalog;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Everything a command works with, each part made when first needed: the migrations (read and
 * validated), the dialect, connections (starting or joining the embedded server when no URL is
 * configured). Commands that need no database never start one.
 */
public final class Workspace implements AutoCloseable {

    private final StepwiseConfig config;
    private final DataSource dataSource;
    private final ClassLoader classLoader;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RunListener listener;
    private final RandomGenerator random;
    private final String runId;

    private MigrationSet migrations;
    private Dialect dialect;
    private ConnectionSource connections;
    private EmbeddedServer embedded;
    private EmbeddedServer replayServer;
    private RunEvents events;

    public Workspace(StepwiseConfig config, DataSource dataSource, ClassLoader classLoader, Clock clock,
                     Sleeper sleeper, RandomGenerator random, RunListener listener) {
        this.config = config;
        this.dataSource = dataSource;
        this.classLoader = classLoader;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
        this.random = random;
        this.runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    /**
     * A workspace like this one on another database (the scratch database {@code test} walks), with
     * the migrations this one read; closing it leaves this one's servers alone.
     */
    public Workspace onDatabase(ConnectionSpec database, RunListener listener) {
        StepwiseConfig c = config;
        StepwiseConfig other = new StepwiseConfig(c.projectDirectory(), c.migrations(), database.jdbcUrl(),
                database.user(), database.password(), c.tables(), c.lockWait(), c.javaPackages(), c.lockTimeouts(),
                c.contractDelay(), c.replayUrl(), c.lintSeverities(), c.checklist(), c.compatQueries());
        Workspace w = new Workspace(other, null, classLoader, clock, sleeper, random, listener);
        w.migrations = migrations();
        w.dialect = dialect();
        return w;
    }

    public StepwiseConfig config() {
        return config;
    }

    public RunListener listener() {
        return listener;
    }

    public Clock clock() {
        return clock;
    }

    public String runId() {
        return runId;
    }

    public MigrationSet migrations() {
        if (migrations == null) {
            migrations = new MigrationSet(MigrationCatalog.load(config.migrations(),
                    new JavaMigrationScanner(classLoader).scan(config.javaPackages()),
                    config.stateDirectory().resolve("parsed-migrations.cache")).migrations());
        }
        return migrations;
    }

    /** Whether a database other than the embedded default is configured (a URL or a data source). */
    public boolean targetConfigured() {
        return dataSource != null || config.url() != null;
    }

    /** The dialect: from the URL, the embedded provider, or the only one present (offline). */
    public Dialect dialect() {
        if (dialect == null) {
            List<Dialect> dialects = ServiceLoader.load(Dialect.class, classLoader).stream()
                    .map(ServiceLoader.Provider::get).toList();
            if (dialects.isEmpty()) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT,
                        "no database dialect on the classpath (add stepwise-postgres)");
            }
            String url = dataSource != null ? urlOf(dataSource) : config.url();
            if (url == null) {
                dialect = dialects.stream().filter(d -> d.name().equals("postgresql")).findFirst().orElse(dialects.get(0));
            } else {
                dialect = dialects.stream().filter(d -> d.accepts(url)).findFirst()
                        .orElseThrow(() -> new StepwiseException(StepwiseException.Category.BAD_INPUT,
                                "no dialect understands the URL " + Secrets.redactUrl(url)
                                        + " (supported: jdbc:postgresql://..., postgresql://...)"));
            }
        }
        return dialect;
    }

    private static String urlOf(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getURL();
        } catch (SQLException e) {
            throw new DatabaseException("connecting through the data source", e);
        }
    }

    public VersionTables versionTables() {
        return new VersionTables(dialect().versionTableSql(config.tables()));
    }

    /** Opens connections to the configured database, starting the embedded one when none is configured. */
    public ConnectionSource connections() {
        if (connections == null) {
            connections = dataSource != null ? dataSource::getConnection : urlConnections();
        }
        return connections;
    }

    private ConnectionSource urlConnections() {
        ConnectionSpec spec;
        if (config.usesEmbeddedDatabase()) {
            embedded = startEmbedded();
            listener.notice("using " + embedded.description());
            spec = new ConnectionSpec(embedded.jdbcUrl(), embedded.user(), null);
        } else {
            spec = dialect().parseUrl(config.url());
        }
        Properties properties = new Properties();
        String user = config.user() != null ? config.user() : spec.user();
        String password = config.password() != null ? config.password() : spec.password();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        String where = Secrets.redactUrl(spec.jdbcUrl()) + (user == null ? "" : " as " + user);
        return () -> {
            try {
                return DriverManager.getConnection(spec.jdbcUrl(), properties);
            } catch (SQLException e) {
                throw new ConnectionFailedException(where, Secrets.scrub(e.getMessage(), password), e.getSQLState());
            }
        };
    }

    private EmbeddedServer startEmbedded() {
        return embeddedProvider().open(config.stateDirectory());
    }

    private EmbeddedServerProvider embeddedProvider() {
        String name = dialect().name();
        return ServiceLoader.load(EmbeddedServerProvider.class, classLoader).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.dialectName().equals(name)).findFirst()
                .orElseThrow(() -> new StepwiseException(StepwiseException.Category.BAD_INPUT,
                        "no database URL is configured and no embedded " + name
                                + " server is available; set url in stepwise.toml, STEPWISE_URL or --url"));
    }

    /**
     * The server to replay migrations on, in scratch databases: {@code replay_url} when set, else
     * the embedded server the project runs on when no URL is configured, else an embedded server
     * started or joined just for this, of the target's major version {@code wantedMajor} when its
     * binaries are at hand (else the nearest newer; 0 for no preference: the bundled one).
     */
    public ConnectionSpec replayServer(int wantedMajor) {
        if (config.replayUrl() != null) {
            ConnectionSpec spec = dialect().parseUrl(config.replayUrl());
            return new ConnectionSpec(spec.jdbcUrl(), spec.user() != null ? spec.user() : config.user(),
                    spec.password() != null ? spec.password() : config.password());
        }
        EmbeddedServer server = embedded;
        if (server == null) {
            if (replayServer == null) {
                replayServer = wantedMajor > 0 ? embeddedProvider().open(config.stateDirectory(), wantedMajor)
                        : startEmbedded();
            }
            server = replayServer;
        }
        return new ConnectionSpec(server.jdbcUrl(), server.user(), null);
    }

    /** A connection for reading state, prepared with this run's application name. */
    public Connection openReadConnection() {
        try {
            Connection c = connections().open();
            dialect().prepareSession(c, SessionRole.READ, runId);
            return c;
        } catch (SQLException e) {
            throw new DatabaseException("connecting", e);
        }
    }

    /**
     * A read connection for catalog queries that open relations (a table's size): it gives up
     * after {@code lock_timeout_max} rather than queue behind someone's strong lock.
     */
    public Connection openCatalogConnection() {
        Connection c = openReadConnection();
        try (java.sql.Statement s = c.createStatement()) {
            s.execute(dialect().timeoutSettings(new dev.stepwise.dialect.Timeouts(config.lockTimeouts().max(),
                    config.lockTimeouts().attemptTimeout(), null), dev.stepwise.dialect.Timeouts.Scope.SESSION));
            return c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the first error says more
            }
            throw new DatabaseException("preparing a catalog connection", e);
        }
    }

    public RunEnvironment environment() {
        if (events == null) {
            events = RunEvents.discover(classLoader);
        }
        return new RunEnvironment(dialect(), connections(), config.tables(), runId, config.lockTimeouts(), clock,
                sleeper, random, listener, events);
    }

    @Override
    public void close() {
        if (replayServer != null) {
            replayServer.close();
            replayServer = null;
        }
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
