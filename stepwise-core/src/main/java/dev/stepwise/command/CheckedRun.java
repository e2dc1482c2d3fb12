package dev.stepwise.command;

import dev.stepwise.graph.Targets;
import dev.stepwise.run.MigrationRun;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A run that applies or reverts migrations, opened with the checks every such run makes before it
 * touches anything: the database's heads are known revisions, no multi-step migration stopped
 * part-way, and no applied file was edited.
 */
final class CheckedRun {

    private CheckedRun() {
    }

    static MigrationRun open(Workspace workspace, MigrationSet set, Targets targets) {
        MigrationRun run = MigrationRun.start(workspace.environment(), workspace.config().lockWait());
        try {
            targets.requireKnown(run.heads());
            RunChecks.requireUnchanged(set, targets.appliedSet(run.heads()), run.ledger());
            return run;
        } catch (RuntimeException e) {
            run.close();
            throw e;
        }
    }

    /**
     * Applies (or reverts) the migrations in order, moving the heads one revision at a time; a
     * multi-step migration an earlier run left part-way goes first, from where it stopped.
     */
    static List<AppliedMigration> apply(Workspace workspace, MigrationRun run, Targets targets,
                                        List<Migration> migrations, Direction direction) {
        RunChecks.refuseBatches(migrations);
        List<RunChecks.Planned> planned = RunChecks.resumeOrRefusePartials(workspace.migrations(), run.ledger(),
                migrations, direction, false);
        List<AppliedMigration> done = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            Migration m = planned.get(i).migration();
            Migration following = i + 1 < planned.size() ? planned.get(i + 1).migration() : null;
            Set<String> heads = run.heads();
            Set<String> after = direction == Direction.UP
                    ? targets.headsAfterApplying(heads, m.revision())
                    : targets.headsAfterUnapplying(heads, m.revision());
            String other = String.join(",", m.header().downRevisions());
            workspace.listener().migrationStarted(m.revision(), direction, other, m.header().message());
            Instant start = workspace.clock().instant();
            run.apply(m, direction, after, following, planned.get(i).resume());
            done.add(new AppliedMigration(m.revision(), direction, other, m.header().message(), m.origin(),
                    Duration.between(start, workspace.clock().instant()).toMillis()));
        }
        return done;
    }
}
