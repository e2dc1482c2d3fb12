package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.graph.Revision;
import dev.stepwise.graph.Targets;
import dev.stepwise.run.MigrationRun;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;
import dev.stepwise.source.SqlMigration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
        try (MigrationRun run = MigrationRun.start(workspace.environment(), workspace.config().lockWait())) {
            Set<String> before = run.heads();
            targets.requireKnown(before);
            RunChecks.refusePartial(set, run.ledger());
            RunChecks.requireUnchanged(set, targets.appliedSet(before), run.ledger());
            List<Revision> steps = targets.downgradeTo(target, before).steps();
            List<Migration> planned = steps.stream().map(r -> set.get(r.id())).toList();
            refuseMissingDowns(planned);
            RunChecks.refuseBatches(planned);
            List<AppliedMigration> reverted = new ArrayList<>();
            for (Migration m : planned) {
                Set<String> heads = run.heads();
                Set<String> after = targets.headsAfterUnapplying(heads, m.revision());
                String to = String.join(",", m.header().downRevisions());
                workspace.listener().migrationStarted(m.revision(), Direction.DOWN, to, m.header().message());
                Instant start = workspace.clock().instant();
                run.apply(m, Direction.DOWN, after);
                reverted.add(new AppliedMigration(m.revision(), Direction.DOWN, to, m.header().message(), m.origin(),
                        Duration.between(start, workspace.clock().instant()).toMillis()));
            }
            return new RunResult(before, run.heads(), reverted);
        }
    }

    /** Checked for the whole path first, so a downgrade never stops half-way at a missing down. */
    private static void refuseMissingDowns(List<Migration> planned) {
        for (Migration m : planned) {
            if (m instanceof SqlMigration sql && !sql.hasDown()) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, m.origin() + ": revision "
                        + m.revision() + " has no +down section (reversible: no), so the downgrade cannot pass it;"
                        + " nothing was reverted");
            }
        }
    }
}
