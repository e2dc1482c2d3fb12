package dev.stepwise.reliability.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/** Choosing where trials strike among the event points an uninterrupted run passes. */
public final class EventPoints {

    private EventPoints() {
    }

    /** {@code count} points: every distinct point once, in a seeded order, before any comes again. */
    public static List<String> spread(List<String> events, int count, Random random) {
        List<String> distinct = new ArrayList<>(new TreeSet<>(events));
        List<String> points = new ArrayList<>();
        while (points.size() < count) {
            List<String> round = new ArrayList<>(distinct);
            Collections.shuffle(round, random);
            points.addAll(round);
        }
        return List.copyOf(points.subList(0, count));
    }

    /** The points strictly before the first occurrence of {@code event}. */
    public static List<String> before(List<String> events, String event) {
        int end = events.indexOf(event);
        if (end < 0) {
            throw new IllegalArgumentException("an uninterrupted run never passes '" + event + "'");
        }
        return List.copyOf(events.subList(0, end));
    }
}
