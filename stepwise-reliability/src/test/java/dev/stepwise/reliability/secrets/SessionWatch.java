package dev.stepwise.reliability.secrets;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the server shows anyone allowed to look at {@code pg_stat_activity} while the commands run:
 * each session's {@code application_name} and the statement it is running, polled on a
 * superuser connection of its own until closed, and handed over after each command. A sampler, not a synchronisation: it only
 * gathers evidence, and a short command may finish between two looks (the lock-wait trials are
 * the ones that hold sessions open long enough to be seen for sure).
 */
final class SessionWatch implements AutoCloseable {

    private static final String QUERY = "SELECT coalesce(application_name, ''), coalesce(query, '')"
            + " FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'";

    private final Set<String> seen = new LinkedHashSet<>();
    private final Thread thread;
    private volatile boolean running = true;

    private SessionWatch(Connection connection) {
        thread = new Thread(() -> poll(connection), "secrets-session-watch");
        thread.setDaemon(true);
        thread.start();
    }

    static SessionWatch on(PasswordServer server) {
        try {
            return new SessionWatch(server.superuser("postgres"));
        } catch (SQLException e) {
            throw new IllegalStateException("could not watch the server's sessions: " + e.getMessage(), e);
        }
    }

    private void poll(Connection connection) {
        try (connection; Statement s = connection.createStatement()) {
            while (running) {
                try (ResultSet rs = s.executeQuery(QUERY)) {
                    while (rs.next()) {
                        String session = "application_name=" + rs.getString(1) + " query=" + rs.getString(2);
                        synchronized (seen) {
                            seen.add(session);
                        }
                    }
                }
                // pacing, not waiting for anything: a look every few milliseconds costs the server little
                try {
                    Thread.sleep(3);
                } catch (InterruptedException e) {
                    return;
                }
            }
        } catch (SQLException e) {
            synchronized (seen) {
                seen.add("(the watch stopped: " + e.getMessage() + ")");
            }
        }
    }

    /** Adds every session seen so far to the exposure, and forgets them. */
    void into(Exposure exposure) {
        synchronized (seen) {
            seen.forEach(s -> exposure.add("pg_stat_activity", s));
            seen.clear();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
