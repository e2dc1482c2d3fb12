package dev.stepwise.command;

import java.util.List;

/** {@code branches}: the revisions where the history forks, each with the revisions that start there. */
public final class BranchesCommand {

    /** A branch point and its children. */
    public record BranchPoint(RevisionView revision, List<RevisionView> children) {
    }

    private final Workspace workspace;

    public BranchesCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public List<BranchPoint> run() {
        MigrationSet set = workspace.migrations();
        return set.graph().branchPoints().stream().map(b -> new BranchPoint(RevisionView.of(set.graph(), set.get(b.id())),
                set.graph().children(b.id()).stream().map(c -> RevisionView.of(set.graph(), set.get(c.id()))).toList()))
                .toList();
    }
}
