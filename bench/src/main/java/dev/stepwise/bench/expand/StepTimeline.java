package dev.stepwise.bench.expand;

import dev.stepwise.backfill.BatchProgress;
import dev.stepwise.run.LockRetry;
import dev.stepwise.run.RunListener;
import dev.stepwise.source.Direction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * When each step of a run started and ended on the load's clock ({@code System.nanoTime}), and
 * every lock retry, so a stall the load saw can be laid at the door of the step it fell in. A
 * migration that runs in one transaction reports no steps; it counts as one step, from its
 * start (before its lint) to its end (after its commit).
 */
final class StepTimeline implements RunListener {

    /**
     * One completed step.
     *
     * @param label       {@code <revision> k/n}
     * @param description the runner's one-line description of it
     * @param batches     for a batched statement, its batches and their mean size and duration; else empty
     */
    record Step(String label, String description, long startNanos, long endNanos, String batches) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final List<LockRetry> retries = new ArrayList<>();
    private long migrationStart;
    private String migrationMessage;
    private BatchProgress lastBatch;

    @Override
    public synchronized void stepCompleted(String revision, int step, int stepsTotal, String description,
                                           Duration took) {
        long end = System.nanoTime();
        steps.add(new Step(revision + " " + step + "/" + stepsTotal, description, end - took.toNanos(), end,
                lastBatch == null ? "" : batches(lastBatch)));
        lastBatch = null;
    }

    @Override
    public synchronized void batchProgress(BatchProgress progress) {
        lastBatch = progress;
    }

    /** {@code 412 batches: 2,427 rows and 50.9 ms each on average}. */
    static String batches(BatchProgress p) {
        if (p.batches() == 0) {
            return "no batches";
        }
        return String.format(java.util.Locale.ROOT, "%,d batches: %,.0f rows and %.1f ms each on average", p.batches(),
                (double) p.rowsChanged() / p.batches(), p.elapsed().toNanos() / 1e6 / p.batches());
    }

    @Override
    public synchronized void migrationStarted(String revision, Direction direction, String from, String message) {
        migrationStart = System.nanoTime();
        migrationMessage = message;
    }

    @Override
    public synchronized void migrationCompleted(String revision, Direction direction, Duration took) {
        if (steps.stream().noneMatch(s -> s.label().startsWith(revision + " "))) {
            steps.add(new Step(revision + " whole", "one transaction (lint, statements, version row, commit): "
                    + migrationMessage, migrationStart, System.nanoTime(), ""));
        }
    }

    @Override
    public synchronized void lockRetry(LockRetry retry) {
        retries.add(retry);
    }

    synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    synchronized List<LockRetry> retries() {
        return List.copyOf(retries);
    }

    /** The step whose time holds this instant, or null when it fell between steps (lint, bookkeeping, the lock). */
    static Step at(List<Step> steps, long nanos) {
        for (Step s : steps) {
            if (nanos >= s.startNanos() && nanos < s.endNanos()) {
                return s;
            }
        }
        return null;
    }
}
