package dev.stepwise.history;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the history table says about each revision: the checksum it was applied with, and whether
 * a multi-step migration stopped part-way.
 */
public final class HistoryLedger {

    private static final Set<Action> APPLYING = EnumSet.of(Action.UP, Action.STAMP, Action.REPAIR);

    private final Map<String, HistoryRow> lastWhole = new HashMap<>();
    private final Map<String, HistoryRow> lastStep = new HashMap<>();
    private final List<HistoryRow> rows;

    public HistoryLedger(List<HistoryRow> rows) {
        this.rows = List.copyOf(rows);
        // An attempt's row is written before its steps and marked successful after them, so the
        // steps of a finished attempt are recognised by their attempt, not by their position.
        Set<String> finishedAttempts = new HashSet<>();
        for (HistoryRow row : rows) {
            if (row.isWholeMigration() && row.outcome().succeeded()) {
                finishedAttempts.add(attemptKey(row));
            }
        }
        for (HistoryRow row : rows) {
            if (!row.isWholeMigration() && finishedAttempts.contains(attemptKey(row))) {
                continue;
            }
            if (row.isWholeMigration()) {
                if (row.outcome().succeeded()) {
                    lastWhole.put(row.revision(), row);
                    lastStep.remove(row.revision());
                }
            } else {
                lastStep.put(row.revision(), row);
            }
        }
    }

    private static String attemptKey(HistoryRow row) {
        return row.runId() + "|" + row.revision() + "|" + row.action().word();
    }

    public List<HistoryRow> rows() {
        return rows;
    }

    /** The checksum the revision was last applied (or stamped, or repaired) with. */
    public Optional<String> recordedChecksum(String revision) {
        HistoryRow row = lastWhole.get(revision);
        if (row == null || !APPLYING.contains(row.action())) {
            return Optional.empty();
        }
        return Optional.ofNullable(row.checksum());
    }

    /** When the revision was last applied. */
    public Optional<HistoryRow> lastApplied(String revision) {
        HistoryRow row = lastWhole.get(revision);
        return row != null && APPLYING.contains(row.action()) ? Optional.of(row) : Optional.empty();
    }

    /**
     * A multi-step migration that has step rows after its last finished whole-migration row: it
     * stopped part-way (killed, failed, or lost its connection).
     */
    public Optional<PartialAttempt> partial(String revision) {
        HistoryRow step = lastStep.get(revision);
        if (step == null) {
            return Optional.empty();
        }
        int completed = step.outcome() == Outcome.SUCCESS ? step.step() : step.step() - 1;
        return Optional.of(new PartialAttempt(revision, step.action(), completed, step.stepsTotal(), step.outcome(),
                step.runId(), step));
    }

    /** Every revision with a partial attempt. */
    public List<PartialAttempt> partials() {
        return lastStep.keySet().stream().sorted().map(r -> partial(r).orElseThrow()).toList();
    }

    /**
     * A migration stopped between its steps.
     *
     * @param completedSteps steps that committed
     * @param lastOutcome    outcome of the last step row (failed, interrupted, running, success)
     * @param lastStep       that row: its checksum, and the cursor of a batched step
     */
    public record PartialAttempt(String revision, Action action, int completedSteps, int stepsTotal,
                                 Outcome lastOutcome, String runId, HistoryRow lastStep) {

        /** The step the next run continues with (1-based). */
        public int nextStep() {
            return completedSteps + 1;
        }

        /**
         * The row of the step the next run continues with, when that step had started: what it
         * may have left behind is read back before going on.
         */
        public Optional<HistoryRow> startedNextStep() {
            return lastStep.step() == nextStep() ? Optional.of(lastStep) : Optional.empty();
        }
    }

    /** What {@code repair --step-redo} writes as a step's progress: run it again without reading back. */
    public static final String REDO = "redo";
}
