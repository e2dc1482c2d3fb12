package dev.stepwise.command;

import dev.stepwise.source.Direction;
import dev.stepwise.graph.Targets;
import dev.stepwise.history.Action;
import dev.stepwise.history.HistoryEntry;
import dev.stepwise.history.Outcome;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.run.MigrationRun;
import dev.stepwise.source.Migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code stamp TARGET}: sets the version table to the target without running any migration, for
 * a database whose schema was made another way. Each revision that becomes applied is recorded
 * with its checksum, so later edits are still caught.
 */
public final class StampCommand {

    private final Workspace workspace;

    public StampCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public RunResult run(String target) {
        MigrationSet set = workspace.migrations();
        Targets targets = new Targets(set.graph());
        try (MigrationRun run = CheckedRun.open(workspace, set, targets)) {
            // Stamping over a migration stopped part-way would hide its steps.
            RunChecks.resumeOrRefusePartials(set, run.ledger(), List.of(), Direction.UP, true);
            Set<String> before = run.heads();
            Set<String> after = targets.stampHeads(target);
            Set<String> newlyApplied = new LinkedHashSet<>(targets.appliedSet(after));
            newlyApplied.removeAll(targets.appliedSet(before));
            Connection c = run.session().work();
            try {
                c.setAutoCommit(false);
                run.tables().replaceHeads(c, after);
                Instant now = workspace.clock().instant();
                String by = dev.stepwise.run.RunSession.appliedBy(c);
                for (String revision : newlyApplied) {
                    Migration m = set.get(revision);
                    run.tables().record(c, new HistoryEntry(run.session().runId(), revision, Action.STAMP, null, 1,
                            m.checksum(), now, now, by, Outcome.SUCCESS, null));
                }
                run.session().checkLock("the commit of the stamp");
                c.commit();
                c.setAutoCommit(true);
            } catch (SQLException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw new DatabaseException("stamping " + target, e);
            }
            return new RunResult(before, after, List.of());
        }
    }
}
