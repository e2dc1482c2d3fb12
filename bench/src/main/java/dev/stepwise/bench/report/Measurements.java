package dev.stepwise.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seconds per tool and repetition. Ratios to the floor are taken pair by pair within each
 * repetition (the tools of one repetition ran back to back on the same server state) and then
 * summarised by their median, rather than dividing two medians.
 */
public final class Measurements {

    private final Map<String, List<Double>> seconds = new LinkedHashMap<>();

    public void add(String tool, int repetition, double value) {
        List<Double> runs = seconds.computeIfAbsent(tool, t -> new ArrayList<>());
        while (runs.size() <= repetition) {
            runs.add(null);
        }
        runs.set(repetition, value);
    }

    public List<String> tools() {
        return List.copyOf(seconds.keySet());
    }

    /** The runs of a tool in repetition order. */
    public List<Double> runs(String tool) {
        List<Double> runs = seconds.get(tool);
        if (runs == null || runs.contains(null)) {
            throw new IllegalStateException("no complete runs for " + tool);
        }
        return List.copyOf(runs);
    }

    public double median(String tool) {
        return Median.of(runs(tool));
    }

    /** The tool's time over the baseline's, repetition by repetition. */
    public List<Double> ratios(String tool, String baseline) {
        List<Double> mine = runs(tool);
        List<Double> theirs = runs(baseline);
        if (mine.size() != theirs.size()) {
            throw new IllegalStateException(tool + " and " + baseline + " ran a different number of times");
        }
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < mine.size(); i++) {
            ratios.add(mine.get(i) / theirs.get(i));
        }
        return ratios;
    }

    public double medianRatio(String tool, String baseline) {
        return Median.of(ratios(tool, baseline));
    }
}
