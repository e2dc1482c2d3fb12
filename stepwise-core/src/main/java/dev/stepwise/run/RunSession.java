package dev.stepwise.run;

import dev.stepwise.config.DurationText;
import dev.stepwise.dialect.Dialect;
import dev.stepwise.dialect.OrphanReaper;
import dev.stepwise.dialect.RunLock;
import dev.stepwise.dialect.SessionRole;
import dev.stepwise.dialect.TableNames;
import dev.stepwise.fault.Faults;
import dev.stepwise.fault.Guarantee;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The connections of one run that changes the database: the lock connection, which takes the
 * run lock by polling and then only answers "do I still hold it?", and the work connection,
 * which exists only while the lock is held.
 *
 * <p>The lock connection stays in autocommit with no open snapshot: a concurrent index build
 * waits for every older snapshot, so a lock held inside a transaction would make the run wait
 * for itself.
 */
public final class RunSession implements AutoCloseable {

    private static final Duration FIRST_POLL = Duration.ofMillis(25);
    private static final Duration LONGEST_POLL = Duration.ofMillis(500);
    /** How long a killed run's backends get to notice their client is gone before they are ended. */
    private static final Duration ORPHAN_GRACE = Duration.ofSeconds(5);

    private final Connection lockConnection;
    private final RunLock lock;
    private final Connection work;
    private final String runId;

    private RunSession(Connection lockConnection, RunLock lock, Connection work, String runId) {
        this.lockConnection = lockConnection;
        this.lock = lock;
        this.work = work;
        this.runId = runId;
    }

    /** Takes the run lock (waiting up to {@code lockWait}), ends a killed run's leftovers, opens the work connection. */
    public static RunSession open(RunEnvironment env, Duration lockWait) {
        Connection lockConnection = null;
        Connection work = null;
        try {
            lockConnection = env.connections().open();
            lockConnection.setAutoCommit(true);
            env.dialect().prepareSession(lockConnection, SessionRole.LOCK, env.runId());
            RunLock lock = env.dialect().runLock(lockConnection, env.tables());
            acquire(lock, env, lockWait);
            work = env.connections().open();
            work.setAutoCommit(true);
            env.dialect().prepareSession(work, SessionRole.WORK, env.runId());
            RunSession session = new RunSession(lockConnection, lock, work, env.runId());
            session.endOrphans(env);
            return session;
        } catch (SQLException e) {
            closeQuietly(work);
            closeQuietly(lockConnection);
            throw new DatabaseException("taking the run lock", e);
        } catch (RuntimeException e) {
            closeQuietly(work);
            closeQuietly(lockConnection);
            throw e;
        }
    }

    private static void acquire(RunLock lock, RunEnvironment env, Duration lockWait) throws SQLException {
        Clock clock = env.clock();
        Instant start = clock.instant();
        Duration poll = FIRST_POLL;
        boolean told = false;
        if (!Faults.kept(Guarantee.RUN_LOCK)) {
            return;
        }
        while (!lock.tryAcquire()) {
            Duration waited = Duration.between(start, clock.instant());
            Optional<RunLock.LockHolder> holder = lock.holder();
            if (waited.compareTo(lockWait) >= 0) {
                throw new LockNotAcquiredException(holder.orElse(null), lockWait);
            }
            if (!told) {
                env.listener().notice("waiting for the run lock" + holder.map(h -> " held by pid " + h.pid()
                        + " (" + h.applicationName() + ")").orElse("") + ", up to " + DurationText.format(lockWait));
                told = true;
            }
            sleep(env.sleeper(), min(poll, lockWait.minus(waited)));
            poll = min(poll.multipliedBy(2), LONGEST_POLL);
        }
    }

    private void endOrphans(RunEnvironment env) throws SQLException {
        OrphanReaper reaper = env.dialect().orphanReaper(work);
        List<OrphanReaper.Orphan> orphans = reaper.find(runId);
        if (orphans.isEmpty()) {
            return;
        }
        env.listener().notice("an earlier run was killed; waiting for its " + orphans.size() + " backend(s) to end: "
                + orphans.stream().map(o -> "pid " + o.pid() + " " + o.state()).toList());
        Instant deadline = env.clock().instant().plus(ORPHAN_GRACE);
        Duration poll = FIRST_POLL;
        while (!orphans.isEmpty() && env.clock().instant().isBefore(deadline)) {
            sleep(env.sleeper(), poll);
            poll = min(poll.multipliedBy(2), LONGEST_POLL);
            orphans = reaper.find(runId);
        }
        for (OrphanReaper.Orphan orphan : orphans) {
            env.listener().notice("ending backend pid " + orphan.pid() + " of a killed run (" + orphan.applicationName() + ")");
            reaper.terminate(orphan.pid());
        }
        Instant hardDeadline = env.clock().instant().plus(ORPHAN_GRACE);
        while (!orphans.isEmpty()) {
            if (!env.clock().instant().isBefore(hardDeadline)) {
                throw new dev.stepwise.StepwiseException(dev.stepwise.StepwiseException.Category.FAILED,
                        "backends of a killed run did not end: " + orphans.stream().map(OrphanReaper.Orphan::pid).toList());
            }
            sleep(env.sleeper(), poll);
            orphans = reaper.find(runId);
        }
    }

    /** Stops the run unless the lock is still held; called before every step and every commit. */
    public void checkLock(String before) {
        if (!Faults.kept(Guarantee.LOCK_CHECK) || !Faults.kept(Guarantee.RUN_LOCK)) {
            return;
        }
        try {
            if (!lock.isHeld()) {
                throw new LockLostException(before, null);
            }
        } catch (SQLException e) {
            throw new LockLostException(before, e);
        }
    }

    public Connection work() {
        return work;
    }

    public String runId() {
        return runId;
    }

    @Override
    public void close() {
        closeQuietly(work);
        try {
            if (!lockConnection.isClosed()) {
                lock.release();
            }
        } catch (SQLException e) {
            // closing the connection below ends the session and with it the lock
        }
        closeQuietly(lockConnection);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Sleeper sleeper, Duration d) {
        try {
            sleeper.sleep(d.isNegative() ? Duration.ZERO : d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.stepwise.StepwiseException(dev.stepwise.StepwiseException.Category.FAILED,
                    "interrupted while waiting for the run lock");
        }
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // nothing more to do with a connection we are done with
            }
        }
    }

    /** The identity of this run's user for history rows. */
    public static String appliedBy(Connection c) {
        try (var s = c.createStatement(); var rs = s.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1) + "@" + hostName();
        } catch (SQLException e) {
            return "unknown@" + hostName();
        }
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
