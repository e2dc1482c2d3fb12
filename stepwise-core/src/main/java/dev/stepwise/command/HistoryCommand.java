package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.graph.Revision;
import dev.stepwise.graph.RevisionGraph;
import dev.stepwise.graph.Targets;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * {@code history [-r A:B]}: the revisions, newest first, as the files define them. A range keeps
 * the revisions that descend from A (inclusive) and lead to B (inclusive); either end may be
 * left out, {@code base} and {@code head}/{@code heads} are allowed.
 */
public final class HistoryCommand {

    private final Workspace workspace;

    public HistoryCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public List<RevisionView> run(String range) {
        MigrationSet set = workspace.migrations();
        RevisionGraph graph = set.graph();
        Targets targets = new Targets(graph);
        String lower = null;
        String upper = null;
        if (range != null && !range.isBlank()) {
            int colon = range.indexOf(':');
            if (colon < 0) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT,
                        "history range '" + range + "' must be A:B (either side may be empty)");
            }
            lower = blankOr(range.substring(0, colon), "base");
            upper = blankOr(range.substring(colon + 1), "heads");
        }
        String from = lower == null || lower.equals("base") ? null : targets.resolveRevision(lower);
        String to = upper == null || upper.equals("heads") || upper.equals("head") ? null : targets.resolveRevision(upper);
        // walked once, not once per revision: a range over 5,000 revisions took a minute
        Set<String> descendants = from == null ? Set.of() : graph.descendants(from);
        Set<String> ancestors = to == null ? Set.of() : graph.ancestors(to);
        List<RevisionView> views = new ArrayList<>();
        for (Revision r : graph.topologicalOrder()) {
            boolean afterFrom = from == null || r.id().equals(from) || descendants.contains(r.id());
            boolean beforeTo = to == null || r.id().equals(to) || ancestors.contains(r.id());
            if (afterFrom && beforeTo) {
                views.add(RevisionView.of(graph, set.get(r.id())));
            }
        }
        Collections.reverse(views);
        return views;
    }

    private static String blankOr(String s, String fallback) {
        return s.isBlank() ? fallback : s.strip();
    }

}
