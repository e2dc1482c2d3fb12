package dev.stepwise.command;

import dev.stepwise.graph.Revision;
import dev.stepwise.graph.RevisionGraph;
import dev.stepwise.source.Migration;
import dev.stepwise.source.MigrationHeader;

import java.util.List;

/**
 * A revision as the graph commands show it: its place in the graph and its header.
 *
 * @param labels own and inherited branch labels
 */
public record RevisionView(String revision, List<String> parents, List<String> children, List<String> dependsOn,
                           List<String> labels, String message, String phase, String reversible, String origin,
                           boolean isHead, boolean isBranchPoint, boolean isMergePoint) {

    static RevisionView of(RevisionGraph graph, Migration migration) {
        Revision r = graph.revision(migration.revision());
        MigrationHeader h = migration.header();
        List<String> children = graph.children(r.id()).stream().map(Revision::id).toList();
        return new RevisionView(r.id(), r.parents(), children, r.dependsOn(), List.copyOf(graph.labelsOf(r.id())),
                h.message(), h.phase().keyword(), h.reversible().keyword(), migration.origin(), children.isEmpty(),
                children.size() > 1, r.isMerge());
    }

    /** Alembic's markers: {@code (label) (head)}, {@code (branchpoint)}, {@code (mergepoint)}. */
    public String markers() {
        StringBuilder s = new StringBuilder();
        labels.forEach(l -> s.append(" (").append(l).append(')'));
        if (isHead) {
            s.append(" (head)");
        }
        if (isBranchPoint) {
            s.append(" (branchpoint)");
        }
        if (isMergePoint) {
            s.append(" (mergepoint)");
        }
        return s.toString();
    }
}
