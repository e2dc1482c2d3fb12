package dev.stepwise.command;

import dev.stepwise.graph.Revision;

import java.util.List;

/** {@code heads}: the revisions with nothing above them; more than one means the history has forked. */
public final class HeadsCommand {

    private final Workspace workspace;

    public HeadsCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public List<RevisionView> run() {
        MigrationSet set = workspace.migrations();
        return set.graph().heads().stream().map(Revision::id).map(id -> RevisionView.of(set.graph(), set.get(id)))
                .toList();
    }
}
