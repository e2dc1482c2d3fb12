package dev.stepwise.command;

import dev.stepwise.autogen.ChangeLine;
import dev.stepwise.diff.SchemaDiff;
import dev.stepwise.graph.RevisionGraph;
import dev.stepwise.graph.Targets;
import dev.stepwise.schema.SchemaModel;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code check}: whether {@code revision --autogenerate} would write anything, for CI: the schema
 * the migrations build (replayed up to the head) against the desired schema in {@code schema/}.
 */
public final class CheckCommand {

    /**
     * The difference.
     *
     * @param changes what autogenerate would change, one line each; empty when they agree
     * @param notes   what the diff noticed and does not act on
     */
    public record Report(List<ChangeLine> changes, List<String> notes) {

        public boolean differs() {
            return !changes.isEmpty();
        }
    }

    private final Workspace workspace;

    public CheckCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public Report run() {
        RevisionGraph graph = workspace.migrations().graph();
        List<String> parents = RevisionCommand.parents(graph, new Targets(graph), "head");
        ScratchSchemas scratch = new ScratchSchemas(workspace, ScratchSchemas.targetVersion(workspace));
        SchemaModel desired = scratch.desired(AutogenerateCommand.schemaDirectory(workspace), "schema");
        Set<String> applied = new HashSet<>(parents);
        parents.forEach(p -> applied.addAll(graph.ancestors(p)));
        try (ReplayDatabase replay = scratch.replay(workspace.migrations(), applied, "the migrations up to head")) {
            SchemaDiff.Result diff = SchemaDiff.between(scratch.read(replay), desired);
            return new Report(diff.changes().stream().map(ChangeLine::of).toList(), diff.notes());
        }
    }
}
