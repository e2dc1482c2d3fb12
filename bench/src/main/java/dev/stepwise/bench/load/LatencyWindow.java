package dev.stepwise.bench.load;

import java.util.Arrays;

/**
 * What the load saw over one stretch of time: the requests due in it (their latency counted from
 * when they were due), and how many requests completed in it.
 *
 * @param requestsPerSecond  requests due in the window, per second of it (what the backfill
 *                           benchmark reports: with a fixed rate and the clients drained, the rate)
 * @param completedPerSecond requests that finished in the window, per second: a stall shows as a dip
 * @param p999Millis         the 99.9th percentile latency of the requests due in the window
 * @param maxMillis          the slowest of them
 * @param requests           how many were due in it
 * @param readP999Millis     the p99.9 of the reads among them: reads wait for no row lock, so a
 *                           slow read means a table lock or a starved machine
 * @param writeP999Millis    the p99.9 of the writes: a write also waits for a row another
 *                           transaction (a backfill batch) has locked
 */
public record LatencyWindow(double requestsPerSecond, double completedPerSecond, double p999Millis,
                            double maxMillis, long requests, double readP999Millis, double writeP999Millis) {

    /**
     * The window {@code [from, to)} (nanoTime) of requests given by when each was due, how long
     * it took (nanoseconds) and whether it was a write; {@code size} of the arrays are used.
     */
    public static LatencyWindow of(long[] dues, long[] nanos, boolean[] writes, int size, long from, long to) {
        if (to <= from) {
            throw new IllegalArgumentException("an empty window: " + from + " to " + to);
        }
        long[] inside = new long[size];
        long[] reads = new long[size];
        long[] written = new long[size];
        int n = 0;
        int r = 0;
        int w = 0;
        long completed = 0;
        for (int i = 0; i < size; i++) {
            if (dues[i] >= from && dues[i] < to) {
                inside[n++] = nanos[i];
                if (writes[i]) {
                    written[w++] = nanos[i];
                } else {
                    reads[r++] = nanos[i];
                }
            }
            long end = dues[i] + nanos[i];
            if (end >= from && end < to) {
                completed++;
            }
        }
        double seconds = (to - from) / 1e9;
        if (n == 0) {
            return new LatencyWindow(0, completed / seconds, 0, 0, 0, 0, 0);
        }
        long[] sorted = Arrays.copyOf(inside, n);
        Arrays.sort(sorted);
        return new LatencyWindow(n / seconds, completed / seconds, sorted[p999Index(n)] / 1e6, sorted[n - 1] / 1e6, n,
                p999Millis(reads, r), p999Millis(written, w));
    }

    private static double p999Millis(long[] values, int n) {
        if (n == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[p999Index(n)] / 1e6;
    }

    /** The index of the 99.9th percentile in {@code n} sorted values (nearest rank). */
    static int p999Index(int n) {
        return (int) Math.min(n - 1, Math.ceil(n * 0.999) - 1);
    }
}
