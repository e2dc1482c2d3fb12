package dev.stepwise.backfill;

import java.time.Duration;

/**
 * How many keys the next batch takes: the fixed size, or with {@code size=auto} a size steered
 * towards the target duration from the batches so far (at most doubling or halving per batch, so
 * one slow batch behind a lock does not collapse the size).
 */
public final class BatchSizer {

    static final int FIRST_AUTO_SIZE = 1000;
    static final int MIN_SIZE = 10;
    static final int MAX_SIZE = 100_000;

    private final BatchSettings settings;
    private int size;

    public BatchSizer(BatchSettings settings) {
        this.settings = settings;
        this.size = settings.automatic() ? FIRST_AUTO_SIZE : settings.size();
    }

    public int size() {
        return size;
    }

    /** Takes note of a batch of {@code keys} keys that took {@code took}. */
    public void record(int keys, Duration took) {
        if (!settings.automatic() || keys < size) {
            return;
        }
        double millis = Math.max(took.toNanos() / 1e6, 0.1);
        double wanted = size * (settings.target().toNanos() / 1e6) / millis;
        double bounded = Math.max(size / 2.0, Math.min(size * 2.0, wanted));
        size = (int) Math.max(MIN_SIZE, Math.min(MAX_SIZE, Math.round(bounded)));
    }
}
