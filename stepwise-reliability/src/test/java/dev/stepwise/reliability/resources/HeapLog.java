package dev.stepwise.reliability.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a child JVM's own GC log ({@code -Xlog:gc,gc+heap=info}, Serial collector) says about its
 * heap: per collection, the occupancy of each generation after it, in the log's exact unit (K),
 * and whether it was a full collection. Only a full collection's "after" is the live set (a
 * young one's still holds the garbage promoted since the last full one), so the figure the
 * scenario compares is the largest heap after a full collection.
 */
record HeapLog(int collections, int fullCollections, long peakLiveBytes) {

    /** {@code GC(12) DefNew: 3261K(3712K)->383K(3712K) ...} and {@code GC(12) Tenured: 0K(258048K)->162K(258048K)}. */
    private static final Pattern GENERATION = Pattern.compile(
            "GC\\((\\d+)\\) (DefNew|Tenured): \\d+[BKMG]\\(\\d+[BKMG]\\)->(\\d+)([BKMG])\\(");
    /** {@code GC(12) Pause Full (System.gc()) 7M->5M(255M) 1.548ms}. */
    private static final Pattern PAUSE = Pattern.compile("GC\\((\\d+)\\) Pause (Young|Full) ");

    /** The JVM options that write the log this reads. */
    static List<String> options(Path file) {
        return List.of("-Xlog:gc,gc+heap=info:file=" + file + ":uptime,tags");
    }

    /** The log of a child JVM; one that never started has none, and so no collections. */
    static HeapLog read(Path file) {
        if (!Files.exists(file)) {
            return new HeapLog(0, 0, 0);
        }
        try {
            return of(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HeapLog of(List<String> lines) {
        Map<Integer, Long> after = new TreeMap<>();
        Map<Integer, Boolean> full = new TreeMap<>();
        for (String line : lines) {
            Matcher g = GENERATION.matcher(line);
            if (g.find()) {
                after.merge(Integer.parseInt(g.group(1)), bytes(g.group(3), g.group(4)), Long::sum);
                continue;
            }
            Matcher p = PAUSE.matcher(line);
            if (p.find()) {
                full.put(Integer.parseInt(p.group(1)), p.group(2).equals("Full"));
            }
        }
        long peak = 0;
        int fulls = 0;
        for (Map.Entry<Integer, Boolean> gc : full.entrySet()) {
            if (gc.getValue() && after.containsKey(gc.getKey())) {
                fulls++;
                peak = Math.max(peak, after.get(gc.getKey()));
            }
        }
        return new HeapLog(full.size(), fulls, peak);
    }

    double peakLiveMegabytes() {
        return peakLiveBytes / (1024.0 * 1024.0);
    }

    private static long bytes(String amount, String unit) {
        long n = Long.parseLong(amount);
        switch (unit) {
            case "K":
                return n * 1024;
            case "M":
                return n * 1024 * 1024;
            case "G":
                return n * 1024 * 1024 * 1024;
            default:
                return n;
        }
    }
}
