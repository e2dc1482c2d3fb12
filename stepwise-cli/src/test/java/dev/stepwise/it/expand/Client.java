package dev.stepwise.it.expand;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One running instance of an application version: a thread with its own connection that repeats
 * its operations until stopped, counting them and keeping every failed statement. Tests wait for
 * a number of operations (never for time) and read the failures at the end.
 */
abstract class Client {

    /** At most this many failures are kept; a broken transition fails thousands of statements alike. */
    private static final int KEPT_FAILURES = 20;

    private final String name;
    private final String url;
    private final String user;
    private final Thread thread;
    private final List<String> failures = new ArrayList<>();
    private long operations;
    private long failed;
    private volatile boolean stopping;
    private boolean ended;

    Client(String name, String url, String user) {
        this.name = name;
        this.url = url;
        this.user = user;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    Client start() {
        thread.start();
        return this;
    }

    String name() {
        return name;
    }

    /** One operation; a thrown exception or an {@link AssertionError} counts as a failed statement. */
    abstract void operate(Connection c, long n) throws SQLException;

    /**
     * The connection every client uses: the driver's default prepared-statement caching (server-side
     * after five uses) with {@code autosave=conservative}, which re-prepares a statement whose
     * cached plan no longer matches the table ("cached plan must not change result type").
     */
    static Connection connect(String url, String user) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("autosave", "conservative");
        return DriverManager.getConnection(url, p);
    }

    private void loop() {
        try (Connection c = connect(url, user)) {
            for (long n = 0; !stopping; n++) {
                try {
                    operate(c, n);
                } catch (SQLException | AssertionError | RuntimeException e) {
                    fail("operation " + n + ": " + e.getMessage());
                    if (!c.getAutoCommit()) {
                        c.rollback();
                    }
                }
                synchronized (this) {
                    operations++;
                    notifyAll();
                }
            }
        } catch (SQLException e) {
            fail("connection: " + e.getMessage());
        } finally {
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }
    }

    private synchronized void fail(String what) {
        failed++;
        if (failures.size() < KEPT_FAILURES) {
            failures.add(name + ": " + what);
        }
    }

    synchronized long operations() {
        return operations;
    }

    /** Waits until the client has done {@code target} operations in all; fails when it stopped first. */
    synchronized void awaitOperations(long target, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (operations < target) {
            if (ended) {
                throw new AssertionError(name + " ended after " + operations + " operations: " + failures);
            }
            long left = Duration.between(Instant.now(), deadline).toMillis();
            if (left <= 0) {
                throw new AssertionError(name + " did only " + operations + " of " + target
                        + " operations in " + limit + " (blocked?); failures: " + failures);
            }
            wait(left);
        }
    }

    /** Stops after the operation in progress and waits for the thread to end. */
    void stop() throws InterruptedException {
        stopping = true;
        thread.join(Duration.ofMinutes(2).toMillis());
        if (thread.isAlive()) {
            throw new AssertionError(name + " did not stop (blocked in a statement?)");
        }
    }

    synchronized long failed() {
        return failed;
    }

    synchronized List<String> failures() {
        return List.copyOf(failures);
    }
}
