package dev.stepwise.run;

import dev.stepwise.config.DurationText;
import dev.stepwise.dialect.Blocker;
import dev.stepwise.dialect.BlockerProbe;
import dev.stepwise.dialect.SessionRole;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Watches the work connection from a thread of its own while statements run: while one waits for
 * a lock, a sampler connection asks who blocks it (the answer is gone once the lock timeout
 * fires, so it is asked during the wait and kept for the retry line); a statement that waits long
 * is reported every so often; and where the server cannot bound a transaction itself, the
 * attempt's deadline cancels the statement running when it passes.
 *
 * <p>One tick every {@value #TICK_MS} ms does all of it, so a statement that finishes quickly
 * costs nothing but two volatile writes. The sampler connection is opened on first need and
 * stays in autocommit: it holds a snapshot only for the few milliseconds of each query, or a
 * concurrent index build would wait for it.
 */
final class WorkWatcher implements AutoCloseable {

    static final long TICK_MS = 20;
    private static final Duration FIRST_NOTICE = Duration.ofSeconds(5);
    private static final Duration NOTICE_EVERY = Duration.ofSeconds(30);

    /** A statement being watched, from when it started. */
    private record Watched(String description, long startedNanos) {
    }

    private final RunEnvironment env;
    private final int workPid;
    private final ScheduledExecutorService ticker;
    private final AtomicReference<Statement> running = new AtomicReference<>();
    private volatile Watched watched;
    private volatile List<Blocker> lastBlockers = List.of();
    private volatile long deadlineNanos;
    private volatile boolean deadlinePassed;
    // only touched on the ticker thread
    private Connection samplerConnection;
    private BlockerProbe probe;
    private boolean samplerUnavailable;
    private long lastNoticeNanos;

    WorkWatcher(RunEnvironment env, int workPid) {
        this.env = env;
        this.workPid = workPid;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stepwise-watcher-" + env.runId());
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** The watch over one statement; closing it ends the watch. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /** Starts watching a statement about to run on the work connection; close the result when it ends. */
    Watch watch(Statement jdbc, String description) {
        lastBlockers = List.of();
        running.set(jdbc);
        watched = new Watched(description, System.nanoTime());
        return () -> {
            watched = null;
            running.set(null);
        };
    }

    /** Who blocked the last watched statement, as last seen while it waited; empty if nobody was seen. */
    List<Blocker> lastBlockers() {
        return lastBlockers;
    }

    /** Bounds the attempt that starts now: when {@code bound} passes, the running statement is cancelled. */
    void startDeadline(Duration bound) {
        deadlinePassed = false;
        deadlineNanos = System.nanoTime() + bound.toNanos();
    }

    void endDeadline() {
        deadlineNanos = 0;
    }

    /** Whether the current attempt's deadline has passed (its statement was, or will be, cancelled). */
    boolean deadlinePassed() {
        return deadlinePassed || deadlineNanos != 0 && System.nanoTime() - deadlineNanos >= 0;
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            if (deadlineNanos != 0 && now - deadlineNanos >= 0 && !deadlinePassed) {
                deadlinePassed = true;
                Statement s = running.get();
                if (s != null) {
                    s.cancel();
                }
            }
            Watched w = watched;
            if (w == null || now - w.startedNanos() < TimeUnit.MILLISECONDS.toNanos(TICK_MS)) {
                return;
            }
            List<Blocker> blockers = sample();
            if (blockers.isEmpty() || watched != w) {
                return;
            }
            lastBlockers = blockers;
            Duration waited = Duration.ofNanos(now - w.startedNanos());
            boolean due = lastNoticeNanos == 0 ? waited.compareTo(FIRST_NOTICE) >= 0
                    : now - lastNoticeNanos >= NOTICE_EVERY.toNanos();
            if (due && waited.compareTo(FIRST_NOTICE) >= 0) {
                lastNoticeNanos = now;
                env.listener().notice("waiting " + DurationText.format(Duration.ofSeconds(waited.toSeconds()))
                        + " for a lock: " + w.description() + "; " + BlockerText.describe(blockers));
            }
        } catch (SQLException | RuntimeException e) {
            // Watching is best effort: a failed sample or cancel never fails the run.
        }
    }

    private List<Blocker> sample() throws SQLException {
        if (samplerUnavailable) {
            return List.of();
        }
        if (probe == null) {
            try {
                samplerConnection = env.connections().open();
                samplerConnection.setAutoCommit(true);
                env.dialect().prepareSession(samplerConnection, SessionRole.SAMPLER, env.runId());
                probe = env.dialect().blockerProbe(samplerConnection);
            } catch (SQLException | RuntimeException e) {
                samplerUnavailable = true;
                return List.of();
            }
        }
        return probe.blockersOf(workPid);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        RunSession.closeQuietly(samplerConnection);
    }
}
