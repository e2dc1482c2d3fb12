package dev.stepwise.command;

import dev.stepwise.graph.Targets;
import dev.stepwise.history.HistoryLedger;

import java.util.List;

/**
 * {@code validate}: checks every applied migration against its file and reports every mismatch
 * (not just the first), plus any multi-step migration that stopped part-way.
 */
public final class ValidateCommand {

    /** What validation found; {@link #isClean()} when nothing. */
    public record Report(int checked, List<ChecksumMismatch> mismatches, List<HistoryLedger.PartialAttempt> partial) {

        public boolean isClean() {
            return mismatches.isEmpty() && partial.isEmpty();
        }
    }

    private final Workspace workspace;

    public ValidateCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public Report run() {
        MigrationSet set = workspace.migrations();
        DatabaseState state = DatabaseState.read(workspace);
        Targets targets = new Targets(set.graph());
        targets.requireKnown(state.heads());
        var applied = targets.appliedSet(state.heads());
        return new Report(applied.size(), RunChecks.mismatches(set, applied, state.ledger()), state.ledger().partials());
    }
}
