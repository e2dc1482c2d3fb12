package dev.stepwise.graph;

import java.util.List;
import java.util.Set;

/**
 * A node of the revision graph: its id, its parents ({@code down_revision}), the revisions it
 * depends on without merging them ({@code depends_on}) and its branch labels.
 *
 * <p>An interface rather than a record so that a migration can be its own node: a command holds
 * every migration of the project and the graph built from them for the whole run, and a node of
 * its own beside each migration would repeat what the migration already holds.
 */
public interface Revision {

    /** The revision id. */
    String id();

    /** Parent ids; empty for a root, two or more for a merge. */
    List<String> parents();

    /** Ids that must be applied first but stay on their own branch. */
    List<String> dependsOn();

    /** Labels naming the branch this revision starts or belongs to. */
    Set<String> branchLabels();

    /** Where the revision is defined (a file path or a class name), for messages. */
    String origin();

    default boolean isRoot() {
        return parents().isEmpty();
    }

    default boolean isMerge() {
        return parents().size() > 1;
    }

    /** A revision of its own, not part of a migration (tests, tools). */
    static Revision of(String id, List<String> parents, List<String> dependsOn, Set<String> branchLabels,
                       String origin) {
        return new Node(id, parents, dependsOn, branchLabels, origin);
    }

    /** The revision {@link #of} makes: equal to another with the same values. */
    record Node(String id, List<String> parents, List<String> dependsOn, Set<String> branchLabels, String origin)
            implements Revision {

        public Node {
            parents = List.copyOf(parents);
            dependsOn = List.copyOf(dependsOn);
            branchLabels = Set.copyOf(branchLabels);
        }
    }
}
