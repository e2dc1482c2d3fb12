package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.graph.RevisionGraph;
import dev.stepwise.graph.Targets;
import dev.stepwise.source.MigrationFileWriter;
import dev.stepwise.source.MigrationHeader;
import dev.stepwise.source.Phase;
import dev.stepwise.source.Reversibility;
import dev.stepwise.source.TransactionMode;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code merge -m MSG REV...}: writes a migration whose parents are the given revisions (or every head). */
public final class MergeCommand {

    private final Workspace workspace;

    public MergeCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public Path run(String message, List<String> revisions) {
        RevisionGraph graph = workspace.migrations().graph();
        Targets targets = new Targets(graph);
        Set<String> parents = new LinkedHashSet<>();
        for (String r : revisions.isEmpty() ? List.of("heads") : revisions) {
            if (r.equals("heads")) {
                graph.heads().forEach(h -> parents.add(h.id()));
            } else {
                parents.add(targets.resolveRevision(r));
            }
        }
        if (parents.size() < 2) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "a merge needs at least two revisions"
                    + " to join; got " + parents + (graph.heads().size() < 2 ? " (there is only one head)" : ""));
        }
        for (String a : parents) {
            for (String b : parents) {
                if (!a.equals(b) && graph.ancestors(b).contains(a)) {
                    throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "cannot merge " + a + " with its"
                            + " descendant " + b + ": they are already on one line");
                }
            }
        }
        String text = message == null || message.isBlank() ? "merge " + String.join(", ", parents) : message.strip();
        MigrationHeader header = new MigrationHeader(RevisionCommand.newId(graph), List.copyOf(parents), text,
                Phase.EXPAND, Set.of(), List.of(), TransactionMode.AUTO, Reversibility.YES, null);
        return new MigrationFileWriter(workspace.clock()).write(workspace.config().migrations(), header);
    }
}
