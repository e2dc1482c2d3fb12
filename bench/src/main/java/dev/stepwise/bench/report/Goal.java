package dev.stepwise.bench.report;

/**
 * A goal from an issue, checked against the figure measured for it.
 *
 * @param description what is measured, as the result table names it
 * @param value       the measured figure (a median, or a median of pairwise ratios)
 * @param limit       the figure the goal allows
 * @param inclusive   whether the limit itself still meets the goal ("at most 1.5×") or not ("under 3 s")
 */
public record Goal(String description, double value, double limit, boolean inclusive) {

    public Goal {
        if (Double.isNaN(value) || Double.isNaN(limit)) {
            throw new IllegalArgumentException("a goal needs a measured figure and a limit: " + description);
        }
    }

    /** Met when the figure is the limit or below it. */
    public static Goal atMost(String description, double value, double limit) {
        return new Goal(description, value, limit, true);
    }

    /** Met only when the figure is below the limit. */
    public static Goal under(String description, double value, double limit) {
        return new Goal(description, value, limit, false);
    }

    public boolean met() {
        return inclusive ? value <= limit : value < limit;
    }

    /** {@code met} or {@code missed}, for the result tables. */
    public String verdict() {
        return met() ? "met" : "**missed**";
    }

    /** The limit with its comparison: {@code ≤ 1.50×}, {@code < 3.00 s}, written by {@code unit}. */
    public String target(java.util.function.DoubleFunction<String> unit) {
        return (inclusive ? "≤ " : "< ") + unit.apply(limit);
    }
}
