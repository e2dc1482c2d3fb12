package dev.stepwise.command;

import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * What a run applied or reverted, as the immutable list {@link RunResult#migrations()} returns:
 * the first {@code size} migrations of the run's plan and each one's time. An entry is made each
 * time it is read, from the migration, so a run of thousands of migrations holds 8 bytes per
 * migration for its results rather than an {@link AppliedMigration} each until it ends.
 */
final class AppliedMigrations extends AbstractList<AppliedMigration> implements RandomAccess {

    private final List<Migration> plan;
    private final Direction direction;
    private final long[] millis;
    private final int size;

    private AppliedMigrations(List<Migration> plan, Direction direction, long[] millis, int size) {
        this.plan = plan;
        this.direction = direction;
        this.millis = millis;
        this.size = size;
    }

    /** The list of a run that goes on; {@link Recorder#soFar()} is the list so far. */
    static Recorder recorder(List<Migration> plan, Direction direction) {
        return new Recorder(plan, direction);
    }

    /** Counts a run's migrations as they are done, in the plan's order. */
    static final class Recorder {

        private final List<Migration> plan;
        private final Direction direction;
        private long[] millis = new long[16];
        private int size;

        private Recorder(List<Migration> plan, Direction direction) {
            this.plan = plan;
            this.direction = direction;
        }

        /** The next migration of the plan is done, in {@code took} milliseconds. */
        void add(long took) {
            if (size == millis.length) {
                millis = Arrays.copyOf(millis, Math.min(plan.size(), size * 2));
            }
            millis[size++] = took;
        }

        /** The migrations done so far; later ones do not change it. */
        AppliedMigrations soFar() {
            return new AppliedMigrations(plan, direction, Arrays.copyOf(millis, size), size);
        }
    }

    @Override
    public AppliedMigration get(int index) {
        Objects.checkIndex(index, size);
        Migration m = plan.get(index);
        return new AppliedMigration(m.revision(), direction, from(m.header().downRevisions()), m.header().message(),
                m.origin(), millis[index]);
    }

    @Override
    public int size() {
        return size;
    }

    /** The parents as a run reports them; one parent is its id itself, held once with the migration. */
    static String from(List<String> parents) {
        return parents.size() == 1 ? parents.get(0) : String.join(",", parents);
    }
}
