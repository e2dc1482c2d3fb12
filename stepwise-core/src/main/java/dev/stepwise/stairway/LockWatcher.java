package dev.stepwise.stairway;

import dev.stepwise.dialect.LockSampler;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread that samples the run's locks and wait events at a fixed short interval while one
 * migration's up runs, on a connection of its own, and turns the samples into a
 * {@link LockProfile}. A lock is counted as held from the first sample that shows it to the last
 * of an unbroken run of samples, plus one interval (each sample stands for the interval after it).
 */
public final class LockWatcher {

    /** Short enough to see a lock of ten milliseconds, long enough not to load the server noticeably. */
    public static final Duration INTERVAL = Duration.ofMillis(5);

    private record Timed(long nanos, LockSampler.Sample sample) {
    }

    private final LockSampler sampler;
    private final Duration interval;
    private volatile boolean running;
    private volatile String error;
    private Thread thread;
    private List<Timed> samples;

    public LockWatcher(LockSampler sampler, Duration interval) {
        this.sampler = sampler;
        this.interval = interval;
    }

    /** Starts sampling. */
    public void start() {
        List<Timed> taken = new ArrayList<>();
        samples = taken;
        error = null;
        running = true;
        thread = new Thread(() -> {
            while (running) {
                try {
                    LockSampler.Sample s = sampler.sample();
                    synchronized (taken) {
                        taken.add(new Timed(System.nanoTime(), s));
                    }
                } catch (SQLException e) {
                    error = e.getMessage();
                    return;
                }
                LockSupport.parkNanos(interval.toNanos());
            }
        }, "stepwise-lock-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops sampling and profiles what it saw.
     *
     * @param existing the tables that existed before the migration ({@code schema.table})
     * @param ignored  tables left out (Stepwise's version tables)
     */
    public LockProfile stop(Set<String> existing, TableSizes sizes, Set<String> ignored) {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Timed> taken;
        synchronized (samples) {
            taken = List.copyOf(samples);
        }
        return profile(taken, existing, sizes, ignored);
    }

    /** A table's size before the migration, and whether the checklist counts it as large. */
    public interface TableSizes {
        long rows(String table);

        long bytes(String table);

        boolean large(String table);
    }

    private LockProfile profile(List<Timed> taken, Set<String> existing, TableSizes sizes, Set<String> ignored) {
        // per table, its strongest granted lock in each sample (0: none)
        Map<String, int[]> strength = new TreeMap<>();
        Map<String, String[]> modes = new HashMap<>();
        boolean[] blockingExisting = new boolean[taken.size()];
        Map<String, Integer> waits = new LinkedHashMap<>();
        for (int k = 0; k < taken.size(); k++) {
            LockSampler.Sample s = taken.get(k).sample();
            for (LockSampler.HeldLock l : s.locks()) {
                if (!l.granted()) {
                    continue;
                }
                String table = l.schema() + "." + l.table();
                if (ignored.contains(table)) {
                    continue;
                }
                int[] row = strength.computeIfAbsent(table, t -> new int[taken.size()]);
                String[] names = modes.computeIfAbsent(table, t -> new String[9]);
                names[l.strength()] = l.mode();
                if (l.strength() > row[k]) {
                    row[k] = l.strength();
                }
                if (l.blocksTraffic() && existing.contains(table)) {
                    blockingExisting[k] = true;
                }
            }
            for (String w : s.waitEvents()) {
                waits.merge(w, 1, Integer::sum);
            }
        }
        int blockingFrom = minimumBlocking(taken);
        List<LockProfile.TableLock> tables = new ArrayList<>();
        strength.forEach((table, row) -> {
            int strongest = 0;
            for (int v : row) {
                strongest = Math.max(strongest, v);
            }
            int top = strongest;
            Duration held = held(taken, k -> row[k] == top);
            Duration blocking = held(taken, k -> row[k] >= blockingFrom);
            tables.add(new LockProfile.TableLock(table, modes.get(table)[strongest], held, blocking,
                    existing.contains(table), sizes.rows(table), sizes.bytes(table), sizes.large(table)));
        });
        tables.sort((a, b) -> b.heldFor().compareTo(a.heldFor()));
        Map<String, Duration> waitTimes = new LinkedHashMap<>();
        waits.forEach((w, n) -> waitTimes.put(w, interval.multipliedBy(n)));
        return new LockProfile(tables, waitTimes, held(taken, k -> blockingExisting[k]), interval, taken.size(), error);
    }

    /** The weakest strength the sampler marked as blocking traffic (SHARE on PostgreSQL). */
    private static int minimumBlocking(List<Timed> taken) {
        int min = Integer.MAX_VALUE;
        for (Timed t : taken) {
            for (LockSampler.HeldLock l : t.sample().locks()) {
                if (l.blocksTraffic()) {
                    min = Math.min(min, l.strength());
                }
            }
        }
        return min;
    }

    private Duration held(List<Timed> taken, java.util.function.IntPredicate in) {
        long total = 0;
        int start = -1;
        for (int k = 0; k <= taken.size(); k++) {
            boolean inside = k < taken.size() && in.test(k);
            if (inside && start < 0) {
                start = k;
            } else if (!inside && start >= 0) {
                total += taken.get(k - 1).nanos() - taken.get(start).nanos() + interval.toNanos();
                start = -1;
            }
        }
        return Duration.ofNanos(total);
    }
}
