package dev.stepwise.bench.stairway;

import dev.stepwise.run.RunListener;
import dev.stepwise.source.Direction;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a {@code test()} on a given database spends its time, from the run's own events (no hook
 * in core): each leg runs from {@code migrationStarted} to {@code migrationCompleted}, and what
 * happens between one leg and the next (the schema read from the catalog, the comparison, the
 * next migration's lint, the runner's checks before a leg) is charged to the leg it follows.
 *
 * <p>Only a {@code Stepwise} built on a DataSource hears these events inside {@code test}: on a
 * scratch database of the replay server the command passes on only notices and lock retries.
 */
final class LegTimings implements RunListener {

    /** The parts of a test's time. */
    enum Part {
        FIRST_UP("first up (each migration, in graph order)"),
        AFTER_FIRST_UP("after the first up: schema read"),
        DOWN("down"),
        AFTER_DOWN("after the down: schema read, compared with the one before the up"),
        UP_AGAIN("up again"),
        AFTER_UP_AGAIN("after the second up: schema read, compared with the first up's; the next migration's lint"),
        CLEANUP("downgrade to base afterwards (what `test` does to a given database)"),
        REST("the rest: opening, the empty-database check, the first schema read");

        final String label;

        Part(String label) {
            this.label = label;
        }
    }

    private final Map<String, Integer> upsSeen = new HashMap<>();
    private final EnumMap<Part, Long> nanos = new EnumMap<>(Part.class);
    private long legStarted;
    private long lastCompleted = -1;
    private Part lastLeg;
    private Part currentLeg;

    @Override
    public void migrationStarted(String revision, Direction direction, String from, String message) {
        long now = System.nanoTime();
        if (lastCompleted >= 0) {
            // the gap between two cleanup legs is the downgrade's own work
            add(lastLeg == Part.CLEANUP ? Part.CLEANUP : after(lastLeg), now - lastCompleted);
        }
        if (direction == Direction.UP) {
            currentLeg = upsSeen.merge(revision, 1, Integer::sum) == 1 ? Part.FIRST_UP : Part.UP_AGAIN;
        } else {
            // a down after the revision's second up is the downgrade to base, after the walk
            currentLeg = upsSeen.getOrDefault(revision, 0) >= 2 ? Part.CLEANUP : Part.DOWN;
        }
        legStarted = now;
    }

    @Override
    public void migrationCompleted(String revision, Direction direction, java.time.Duration took) {
        long now = System.nanoTime();
        add(currentLeg, now - legStarted);
        lastCompleted = now;
        lastLeg = currentLeg;
    }

    private static Part after(Part leg) {
        return switch (leg) {
            case FIRST_UP -> Part.AFTER_FIRST_UP;
            case DOWN -> Part.AFTER_DOWN;
            case UP_AGAIN -> Part.AFTER_UP_AGAIN;
            default -> throw new IllegalStateException("no gap is charged to " + leg);
        };
    }

    private void add(Part part, long n) {
        nanos.merge(part, n, Long::sum);
    }

    /** Seconds per part, {@link Part#REST} being what the events do not cover of {@code totalSeconds}. */
    Map<Part, Double> seconds(double totalSeconds) {
        EnumMap<Part, Double> s = new EnumMap<>(Part.class);
        double covered = 0;
        for (Part p : Part.values()) {
            if (p != Part.REST) {
                double v = nanos.getOrDefault(p, 0L) / 1e9;
                s.put(p, v);
                covered += v;
            }
        }
        s.put(Part.REST, totalSeconds - covered);
        return s;
    }

    /** Seconds until the downgrade to base began: the walk itself, with the setup before it. */
    double walkSeconds(double totalSeconds) {
        return totalSeconds - nanos.getOrDefault(Part.CLEANUP, 0L) / 1e9;
    }
}
