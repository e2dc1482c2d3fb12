package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.history.HistoryLedger;
import dev.stepwise.source.Migration;
import dev.stepwise.source.SqlMigration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The checks every changing run makes before it touches anything: no applied migration was edited,
 * no multi-step migration stopped part-way, and nothing in the plan needs a feature this version
 * cannot run.
 */
final class RunChecks {

    private RunChecks() {
    }

    /** Applied revisions whose file no longer matches the checksum recorded when it was applied. */
    static List<ChecksumMismatch> mismatches(MigrationSet set, Collection<String> applied, HistoryLedger ledger) {
        List<ChecksumMismatch> found = new ArrayList<>();
        for (String revision : applied) {
            Migration m = set.get(revision);
            Optional<String> recorded = ledger.recordedChecksum(revision);
            if (recorded.isPresent() && !recorded.get().equals(m.checksum())) {
                found.add(new ChecksumMismatch(revision, m.origin(), recorded.get(), m.checksum()));
            }
        }
        return found;
    }

    static void requireUnchanged(MigrationSet set, Collection<String> applied, HistoryLedger ledger) {
        List<ChecksumMismatch> found = mismatches(set, applied, ledger);
        if (!found.isEmpty()) {
            ChecksumMismatch first = found.get(0);
            throw new StepwiseException(StepwiseException.Category.FAILED, first.origin()
                    + ": applied migration " + first.revision() + " was changed after it was applied (checksum "
                    + first.recorded() + " recorded, file has " + first.actual() + ")"
                    + (found.size() > 1 ? " and " + (found.size() - 1) + " more (see `stepwise validate`)" : "")
                    + "; restore the file, or accept a benign edit with `stepwise repair`");
        }
    }

    static void refusePartial(MigrationSet set, HistoryLedger ledger) {
        for (HistoryLedger.PartialAttempt partial : ledger.partials()) {
            String origin = set.graph().contains(partial.revision()) ? set.get(partial.revision()).origin() : "(no file)";
            throw new StepwiseException(StepwiseException.Category.FAILED, origin + ": revision "
                    + partial.revision() + " (" + partial.action().word() + ") stopped after step "
                    + partial.completedSteps() + " of " + partial.stepsTotal() + "; step "
                    + (partial.completedSteps() + 1) + " was " + partial.lastOutcome().word()
                    + ". Resuming a multi-step migration arrives with safe execution; until then check what step "
                    + (partial.completedSteps() + 1) + " left behind (e.g. an INVALID index), undo the committed steps, "
                    + "and run `stepwise repair` to clear the attempt");
        }
    }

    /** Batched statements are parsed now but executed only once safe execution lands. */
    static void refuseBatches(Collection<Migration> planned) {
        for (Migration m : planned) {
            if (m instanceof SqlMigration sql && sql.usesBatch()) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, m.origin() + ": revision "
                        + m.revision() + " uses `-- stepwise:batch`, which this version parses but cannot run yet"
                        + " (batched execution comes with safe execution); nothing was applied");
            }
        }
    }
}
