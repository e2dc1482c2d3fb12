package dev.stepwise.stairway;

import dev.stepwise.lint.Finding;

import java.time.Duration;
import java.util.List;

/**
 * What the stairway found for one migration.
 *
 * @param failures       why the step failed: a leg's error with its statement, or each schema difference
 * @param notes          what was noticed without failing (column order after a down)
 * @param losses         data the step lost that it should have kept
 * @param expectedLosses data a {@code reversible: lossy} migration lost, as it declares it does
 * @param upDuration     how long its first up took
 * @param locks          what the watcher saw of its first up, or null when it did not watch
 * @param findings       what lint found, reported and never refused
 */
public record StepReport(String revision, String message, String phase, Outcome outcome, List<String> failures,
                         List<String> notes, List<DataLoss> losses, List<DataLoss> expectedLosses,
                         Duration upDuration, LockProfile locks, List<ChecklistItem> checklist,
                         List<Finding> findings) {

    /** How far the step got. */
    public enum Outcome {
        /** Up, down and up again, with the schema and rows coming back. */
        PASSED,
        /** A leg failed or left something different. */
        FAILED,
        /** {@code reversible: no}: applied, nothing to go back with. */
        NO_DOWN;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }

    public StepReport {
        failures = List.copyOf(failures);
        notes = List.copyOf(notes);
        losses = List.copyOf(losses);
        expectedLosses = List.copyOf(expectedLosses);
        checklist = List.copyOf(checklist);
        findings = List.copyOf(findings);
    }

    /** Whether this step fails the test: a failed leg, a loss, or a measured checklist item not ticked. */
    public boolean failed() {
        return outcome == Outcome.FAILED || !losses.isEmpty() || checklist.stream().anyMatch(ChecklistItem::fails);
    }
}
