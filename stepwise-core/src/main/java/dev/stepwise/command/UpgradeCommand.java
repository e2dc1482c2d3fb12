package dev.stepwise.command;

import dev.stepwise.graph.Targets;
import dev.stepwise.run.MigrationRun;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;

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
        try (MigrationRun run = CheckedRun.open(workspace, set, targets)) {
            Set<String> before = run.heads();
            List<Migration> planned = targets.upgradeTo(target, before).steps().stream()
                    .map(r -> set.get(r.id())).toList();
            List<AppliedMigration> applied = CheckedRun.apply(workspace, run, targets, planned, Direction.UP);
            return new RunResult(before, run.heads(), applied);
        }
    }
}
