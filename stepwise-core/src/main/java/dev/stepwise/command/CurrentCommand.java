package dev.stepwise.command;

import dev.stepwise.graph.RevisionGraph;
import dev.stepwise.graph.Targets;

import java.util.ArrayList;
import java.util.List;

/** {@code current}: the revision(s) the database is at. */
public final class CurrentCommand {

    /**
     * One head of the database.
     *
     * @param isHead whether it is also a head of the migration files (nothing pending above it)
     */
    public record Head(String revision, String message, boolean isHead, boolean isBranchPoint, boolean isMergePoint,
                       List<String> labels) {
    }

    private final Workspace workspace;

    public CurrentCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public List<Head> run() {
        MigrationSet set = workspace.migrations();
        RevisionGraph graph = set.graph();
        DatabaseState state = DatabaseState.heads(workspace);
        new Targets(graph).requireKnown(state.heads());
        List<Head> heads = new ArrayList<>();
        for (String id : state.heads()) {
            heads.add(new Head(id, set.get(id).header().message(), graph.children(id).isEmpty(),
                    graph.children(id).size() > 1, graph.revision(id).isMerge(), List.copyOf(graph.labelsOf(id))));
        }
        return heads;
    }
}
