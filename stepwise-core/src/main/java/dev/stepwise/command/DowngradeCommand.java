package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.graph.Targets;
import dev.stepwise.run.MigrationRun;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;

import java.util.List;
import java.util.Set;

/** {@code downgrade TARGET}: runs the {@code +down} sections of applied migrations above the target. */
public final class DowngradeCommand {

    private final Workspace workspace;

    public DowngradeCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public RunResult run(String target) {
        MigrationSet set = workspace.migrations();
        Targets targets = new Targets(set.graph());
        try (MigrationRun run = CheckedRun.open(workspace, set, targets)) {
            Set<String> before = run.heads();
            List<Migration> planned = targets.downgradeTo(target, before).steps().stream()
                    .map(r -> set.get(r.id())).toList();
            refuseMissingDowns(planned);
            List<AppliedMigration> reverted = CheckedRun.apply(workspace, run, targets, planned, Direction.DOWN, null, null)
                    .done();
            return new RunResult(before, run.heads(), reverted);
        }
    }

    /** Checked for the whole path first, so a downgrade never stops half-way at a missing down. */
    private static void refuseMissingDowns(List<Migration> planned) {
        for (Migration m : planned) {
            if (!m.hasDown()) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, m.origin() + ": revision "
                        + m.revision() + " has no +down section (reversible: no), so the downgrade cannot pass it;"
                        + " nothing was reverted");
            }
        }
    }
}
