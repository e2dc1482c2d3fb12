package dev.stepwise.postgres.embedded;

import dev.stepwise.dialect.EmbeddedServer;
import dev.stepwise.dialect.EmbeddedServerProvider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ServiceLoader;

/**
 * A Stepwise-like process for the tests, run in a JVM of its own: finds the embedded server
 * through {@link ServiceLoader}, opens it, runs a query, reports what server it reached, holds
 * it until told to let go, and closes it.
 *
 * <p>Arguments: the state directory, the report file to write once connected, and the file
 * whose appearance releases it ({@code -} to close at once). The report is
 * {@code <port> <postmaster start time> <open ms> <query ms> <close ms>}.
 */
public final class HolderProcess {

    public static void main(String[] args) throws Exception {
        Path stateDirectory = Path.of(args[0]);
        Path report = Path.of(args[1]);
        Path release = args[2].equals("-") ? null : Path.of(args[2]);
        EmbeddedServerProvider provider = ServiceLoader.load(EmbeddedServerProvider.class).findFirst().orElseThrow();

        long start = System.nanoTime();
        EmbeddedServer server = provider.open(stateDirectory);
        long opened = System.nanoTime();
        String reached;
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.user(), "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('port'), pg_postmaster_start_time()")) {
            rs.next();
            reached = rs.getString(1) + " " + rs.getTimestamp(2).toInstant();
        }
        long queried = System.nanoTime();
        if (release == null) {
            server.close();
        }
        long closed = System.nanoTime();
        Path partial = report.resolveSibling(report.getFileName() + ".partial");
        Files.writeString(partial, reached + " " + millis(start, opened) + " " + millis(opened, queried) + " " + millis(queried, closed));
        // the test watches for the report, so it must appear complete
        Files.move(partial, report, StandardCopyOption.ATOMIC_MOVE);
        if (release != null) {
            while (!Files.exists(release)) {
                Thread.sleep(10);
            }
            server.close();
        }
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
