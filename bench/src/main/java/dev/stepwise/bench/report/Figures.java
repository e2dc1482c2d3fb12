package dev.stepwise.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How numbers are written in the result tables. */
public final class Figures {

    private Figures() {
    }

    public static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f s", s);
    }

    public static String millis(double ms) {
        return String.format(Locale.ROOT, "%.2f ms", ms);
    }

    public static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f×", r);
    }

    /** Several runs in seconds, in the order they ran. */
    public static String secondsList(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(", "));
    }

    /** Several runs in seconds to the millisecond, for measures that take less than a second. */
    public static String secondsList3(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.3f", v)).collect(Collectors.joining(", "));
    }

    public static String ratioList(List<Double> values) {
        return values.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).collect(Collectors.joining(", "));
    }
}
