package dev.stepwise.graph;

import java.util.List;
import java.util.Set;

/**
 * A node of the revision graph: its id, its parents ({@code down_revision}), the revisions it
 * depends on without merging them ({@code depends_on}) and its branch labels.
 *
 * @param id           the revision id
 * @param parents      parent ids; empty for a root, two or more for a merge
 * @param dependsOn    ids that must be applied first but stay on their own branch
 * @param branchLabels labels naming the branch this revision starts or belongs to
 * @param origin       where the revision is defined (a file path or a class name), for messages
 */
public record Revision(String id, List<String> parents, List<String> dependsOn,
                       Set<String> branchLabels, String origin) {

    public Revision {
        parents = List.copyOf(parents);
        dependsOn = List.copyOf(dependsOn);
        branchLabels = Set.copyOf(branchLabels);
    }

    public boolean isRoot() {
        return parents.isEmpty();
    }

    public boolean isMerge() {
        return parents.size() > 1;
    }
}
