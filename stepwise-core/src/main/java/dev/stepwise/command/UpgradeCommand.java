package dev.stepwise.command;

import dev.stepwise.graph.Revision;
import dev.stepwise.graph.Targets;
import dev.stepwise.run.MigrationRun;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code upgrade TARGET}: applies pending migrations up to the target, in graph order. */
public final class UpgradeCommand {

    private final Workspace workspace;

    public UpgradeCommand(Workspace workspace) {
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
            List<Revision> steps = targets.upgradeTo(target, before).steps();
            List<Migration> planned = steps.stream().map(r -> set.get(r.id())).toList();
            RunChecks.refuseBatches(planned);
            List<AppliedMigration> applied = new ArrayList<>();
            for (Migration m : planned) {
                Set<String> heads = run.heads();
                String from = String.join(",", m.header().downRevisions());
                workspace.listener().migrationStarted(m.revision(), Direction.UP, from, m.header().message());
                Instant start = workspace.clock().instant();
                run.apply(m, Direction.UP, targets.headsAfterApplying(heads, m.revision()));
                applied.add(new AppliedMigration(m.revision(), Direction.UP, from, m.header().message(), m.origin(),
                        Duration.between(start, workspace.clock().instant()).toMillis()));
            }
            return new RunResult(before, run.heads(), applied);
        }
    }
}
