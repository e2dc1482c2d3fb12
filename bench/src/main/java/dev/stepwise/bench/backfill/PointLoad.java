package dev.stepwise.bench.backfill;

import dev.stepwise.bench.server.BenchDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The application's traffic while a backfill runs: clients that each read or write one random
 * order by its key in autocommit, recording when each request started and how long it took. A
 * write changes a column the backfill does not touch, so the backfill still finds every row it
 * must change, but a write to a row the backfill has locked waits for it.
 *
 * <p>With a rate, each client sends its requests on a fixed schedule, and a request's latency
 * counts from when it was due, not from when a stalled client got round to sending it (so a
 * stall is not hidden by the requests it kept from being sent). Without one, each client sends
 * back to back, which on a small machine takes as much CPU as it can get.
 */
final class PointLoad implements AutoCloseable {

    /** What one client saw: start and duration of each request, in nanoseconds. */
    private static final class Samples {
        long[] starts = new long[1 << 16];
        long[] nanos = new long[1 << 16];
        int size;

        void add(long start, long took) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            starts[size] = start;
            nanos[size] = took;
            size++;
        }
    }

    /** The requests that started in a window: how many per second, and their latencies. */
    record Window(double requestsPerSecond, double p999Millis, double maxMillis, long requests) {
    }

    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Samples> samples = new ArrayList<>();
    private final List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * @param ratePerClient requests per second of each client, or 0 to send back to back
     */
    PointLoad(BenchDatabase db, int clients, int ratePerClient, int rows, long seed) {
        for (int i = 0; i < clients; i++) {
            Samples mine = new Samples();
            samples.add(mine);
            SplittableRandom random = new SplittableRandom(seed + i);
            Thread t = new Thread(() -> run(db, rows, ratePerClient, random, mine), "point-load-" + i);
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    private void run(BenchDatabase db, int rows, int rate, SplittableRandom random, Samples mine) {
        try (Connection c = db.connect();
             PreparedStatement read = c.prepareStatement("SELECT total, status FROM orders WHERE id = ?");
             PreparedStatement write = c.prepareStatement("UPDATE orders SET note = ? WHERE id = ?")) {
            int n = 0;
            long interval = rate > 0 ? 1_000_000_000L / rate : 0;
            // clients spread over one interval, so they do not all send at once
            long due = System.nanoTime() + (rate > 0 ? random.nextLong(interval) : 0);
            while (!stop.get()) {
                long id = 1 + random.nextInt(rows);
                long start;
                if (rate > 0) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    }
                    start = due;
                    due += interval;
                } else {
                    start = System.nanoTime();
                }
                if (random.nextBoolean()) {
                    read.setLong(1, id);
                    read.executeQuery().close();
                } else {
                    write.setString(1, "n" + (n++));
                    write.setLong(2, id);
                    write.executeUpdate();
                }
                mine.add(start, System.nanoTime() - start);
            }
        } catch (SQLException | RuntimeException e) {
            failures.add(e);
        }
    }

    /** Stops the clients and summarises the requests that started between the two instants (nanoTime). */
    Window stopAndMeasure(long from, long to) {
        close();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("the load failed: " + failures.get(0), failures.get(0));
        }
        List<Long> latencies = new ArrayList<>();
        for (Samples s : samples) {
            for (int i = 0; i < s.size; i++) {
                if (s.starts[i] >= from && s.starts[i] < to) {
                    latencies.add(s.nanos[i]);
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Window(0, 0, 0, 0);
        }
        int p999 = (int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.999) - 1);
        double seconds = (to - from) / 1e9;
        return new Window(sorted.length / seconds, sorted[p999] / 1e6, sorted[sorted.length - 1] / 1e6, sorted.length);
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
