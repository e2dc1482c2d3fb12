package dev.stepwise.command;

import dev.stepwise.graph.Revision;
import dev.stepwise.graph.Targets;
import dev.stepwise.source.Migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code status}: every migration, applied or pending, with its phase, in graph order. */
public final class StatusCommand {

    /**
     * One migration's state.
     *
     * @param appliedAt when it was last applied, or null while pending
     * @param changed   whether an applied file no longer matches its recorded checksum
     * @param lint      for a pending migration, what upgrade's lint would say (see {@link PendingVerdicts}); else null
     */
    public record Entry(String revision, String message, String phase, boolean applied, String appliedAt,
                        boolean changed, String origin, String lint) {
    }

    /** The whole picture: the database's heads and every migration. */
    public record Status(Set<String> currentHeads, List<Entry> migrations, int pending) {
    }

    private final Workspace workspace;

    public StatusCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public Status run() {
        MigrationSet set = workspace.migrations();
        DatabaseState state = DatabaseState.read(workspace);
        Targets targets = new Targets(set.graph());
        targets.requireKnown(state.heads());
        Set<String> applied = targets.appliedSet(state.heads());
        List<Entry> entries = new ArrayList<>();
        List<Migration> pendingMigrations = new ArrayList<>();
        for (Revision r : set.graph().topologicalOrder()) {
            if (!applied.contains(r.id())) {
                pendingMigrations.add(set.get(r.id()));
            }
        }
        java.util.Map<String, String> verdicts = PendingVerdicts.of(workspace, pendingMigrations);
        int pending = 0;
        for (Revision r : set.graph().topologicalOrder()) {
            Migration m = set.get(r.id());
            boolean isApplied = applied.contains(r.id());
            pending += isApplied ? 0 : 1;
            String at = isApplied ? state.ledger().lastApplied(r.id()).map(h -> String.valueOf(h.finishedAt())).orElse(null) : null;
            boolean changed = isApplied && state.ledger().recordedChecksum(r.id())
                    .map(c -> !c.equals(m.checksum())).orElse(false);
            entries.add(new Entry(r.id(), m.header().message(), m.header().phase().keyword(), isApplied, at, changed,
                    m.origin(), verdicts.get(r.id())));
        }
        return new Status(state.heads(), entries, pending);
    }
}
