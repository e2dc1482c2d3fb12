package dev.stepwise.command;

import dev.stepwise.graph.Targets;

/** {@code show REV}: one revision's header and place in the graph. */
public final class ShowCommand {

    private final Workspace workspace;

    public ShowCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public RevisionView run(String revision) {
        MigrationSet set = workspace.migrations();
        String id = new Targets(set.graph()).resolveRevision(revision);
        return RevisionView.of(set.graph(), set.get(id));
    }
}
