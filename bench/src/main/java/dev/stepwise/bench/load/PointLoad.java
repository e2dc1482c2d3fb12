package dev.stepwise.bench.load;

import dev.stepwise.bench.server.BenchDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The application's traffic while a migration runs: clients that each read or write (50/50) one
 * random row by its key in autocommit, recording when each request was due and how long it took.
 * The statements touch columns the migration leaves alone, so the migration still finds every
 * row as it expects, but a write to a row it has locked, or any request behind a table lock it
 * holds or waits for, waits.
 *
 * <p>With a rate, each client sends its requests on a fixed schedule, and a request's latency
 * counts from when it was due, not from when a stalled client got round to sending it (so a
 * stall is not hidden by the requests it kept from being sent). Without one, each client sends
 * back to back, which on a small machine takes as much CPU as it can get.
 *
 * <p>The samples are read once the clients have stopped ({@link #stop()}), window by window.
 */
public final class PointLoad implements AutoCloseable {

    /**
     * How the load runs.
     *
     * @param clients       concurrent clients, one connection each
     * @param ratePerClient requests per second of each client, or 0 to send back to back
     * @param rows          keys are drawn from 1 to this
     * @param statements    what a read and a write send
     */
    public record Shape(int clients, int ratePerClient, int rows, PointStatements statements) {
    }

    /** What one client saw: when each request was due, how long it took (nanoseconds), whether it wrote. */
    private static final class Samples {
        long[] dues = new long[1 << 16];
        long[] nanos = new long[1 << 16];
        boolean[] writes = new boolean[1 << 16];
        int size;

        void add(long due, long took, boolean write) {
            if (size == dues.length) {
                dues = Arrays.copyOf(dues, size * 2);
                nanos = Arrays.copyOf(nanos, size * 2);
                writes = Arrays.copyOf(writes, size * 2);
            }
            dues[size] = due;
            nanos[size] = took;
            writes[size] = write;
            size++;
        }
    }

    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Samples> samples = new ArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private long[] allDues;
    private long[] allNanos;
    private boolean[] allWrites;

    public PointLoad(BenchDatabase db, Shape shape, long seed) {
        for (int i = 0; i < shape.clients(); i++) {
            Samples mine = new Samples();
            samples.add(mine);
            SplittableRandom random = new SplittableRandom(seed + i);
            Thread t = new Thread(() -> run(db, shape, random, mine), "point-load-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    private void run(BenchDatabase db, Shape shape, SplittableRandom random, Samples mine) {
        int rate = shape.ratePerClient();
        try (Connection c = db.connect();
             PreparedStatement read = c.prepareStatement(shape.statements().read());
             PreparedStatement write = c.prepareStatement(shape.statements().write())) {
            int n = 0;
            long interval = rate > 0 ? 1_000_000_000L / rate : 0;
            // clients spread over one interval, so they do not all send at once
            long due = System.nanoTime() + (rate > 0 ? random.nextLong(interval) : 0);
            while (!stop.get()) {
                long id = 1 + random.nextInt(shape.rows());
                long start;
                if (rate > 0) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    start = due;
                    due += interval;
                } else {
                    start = System.nanoTime();
                }
                boolean writing = !random.nextBoolean();
                if (writing) {
                    write.setString(1, "n" + (n++));
                    write.setLong(2, id);
                    write.executeUpdate();
                } else {
                    read.setLong(1, id);
                    read.executeQuery().close();
                }
                mine.add(start, System.nanoTime() - start, writing);
            }
        } catch (SQLException | RuntimeException e) {
            failures.add(e);
        }
    }

    /**
     * Stops the clients (each finishes the request it is sending) and fails if any of them saw an
     * error: a request that failed is a broken application, whatever the latencies say.
     */
    public void stop() {
        close();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the load failed: " + failures.get(0), failures.get(0));
        }
        if (allDues == null) {
            int total = samples.stream().mapToInt(s -> s.size).sum();
            allDues = new long[total];
            allNanos = new long[total];
            allWrites = new boolean[total];
            int at = 0;
            for (Samples s : samples) {
                System.arraycopy(s.dues, 0, allDues, at, s.size);
                System.arraycopy(s.nanos, 0, allNanos, at, s.size);
                System.arraycopy(s.writes, 0, allWrites, at, s.size);
                at += s.size;
            }
        }
    }

    /** The requests of {@code [from, to)} (nanoTime), once stopped. */
    public LatencyWindow window(long from, long to) {
        if (allDues == null) {
            throw new IllegalStateException("stop the load before reading its windows");
        }
        return LatencyWindow.of(allDues, allNanos, allWrites, allDues.length, from, to);
    }

    /**
     * When the slowest request due in {@code [from, to)} was due (nanoTime), once stopped, so a
     * stall can be matched to the step that caused it; {@code Long.MIN_VALUE} for none.
     */
    public long slowestDue(long from, long to) {
        window(from, to);
        long due = Long.MIN_VALUE;
        long worst = -1;
        for (int i = 0; i < allDues.length; i++) {
            if (allDues[i] >= from && allDues[i] < to && allNanos[i] > worst) {
                worst = allNanos[i];
                due = allDues[i];
            }
        }
        return due;
    }

    /** Stops the clients and summarises the requests due between the two instants (nanoTime). */
    public LatencyWindow stopAndMeasure(long from, long to) {
        stop();
        return window(from, to);
    }

    @Override
    public void close() {
        stop.set(true);
        for (Thread t : threads) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
