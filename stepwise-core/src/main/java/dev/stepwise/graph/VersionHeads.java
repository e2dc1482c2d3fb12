package dev.stepwise.graph;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The version table's view of the graph: the database stores only heads, and everything they
 * need (through parents and depends_on) counts as applied.
 *
 * <p>As in Alembic, a row stands for a revision and its parent chain only: applying a revision
 * replaces the rows of its parent-ancestors, while a {@code depends_on} target keeps its own row.
 * So the heads are always the applied revisions that no applied revision has as a parent-ancestor,
 * and the runner can compute, for each step, the head set to compare and set.
 */
public final class VersionHeads {

    private final RevisionGraph graph;

    public VersionHeads(RevisionGraph graph) {
        this.graph = graph;
    }

    /**
     * Checks that the database's heads are revisions of this graph and that none stands for
     * another (a state Stepwise never writes).
     *
     * @throws UnknownDatabaseRevisionException for a revision no migration defines
     * @throws OverlappingHeadsException        for a head that is a parent-ancestor of another
     */
    public void check(Collection<String> heads) {
        requireKnown(heads);
        for (String head : heads) {
            for (String ancestor : graph.parentAncestors(head)) {
                if (heads.contains(ancestor)) {
                    throw new OverlappingHeadsException(graph.revision(ancestor), graph.revision(head));
                }
            }
        }
    }

    /** The heads with everything they need: every revision the database has applied. */
    public Set<String> appliedSet(Set<String> heads) {
        check(heads);
        return graph.closure(heads);
    }

    /**
     * The head set after applying {@code id}, whose parents and depends_on are applied: the
     * rows of its parent-ancestors are replaced by its own.
     */
    public Set<String> headsAfterApplying(Set<String> heads, String id) {
        requireKnown(heads);
        Set<String> replaced = graph.parentAncestorsAmong(id, heads);
        Set<String> next = new HashSet<>();
        heads.stream().filter(head -> !replaced.contains(head)).forEach(next::add);
        next.add(id);
        return graph.ordered(next);
    }

    /**
     * The head set after unapplying {@code id}, a current head: its row goes, and each of its
     * parents gets a row back unless another remaining head (or another of its parents) still
     * stands for it.
     */
    public Set<String> headsAfterUnapplying(Set<String> heads, String id) {
        requireKnown(heads);
        Set<String> remaining = new HashSet<>(heads);
        remaining.remove(id);
        List<String> parents = graph.revision(id).parents();
        Set<String> covered = new HashSet<>();
        remaining.forEach(head -> covered.addAll(graph.parentAncestors(head)));
        // a merge may name a parent that another of its parents already descends from
        parents.forEach(parent -> covered.addAll(graph.parentAncestors(parent)));
        Set<String> next = new HashSet<>(remaining);
        parents.stream().filter(parent -> !covered.contains(parent)).forEach(next::add);
        return graph.ordered(next);
    }

    /** The rows that stand for the given revisions applied: those no other of them descends from. */
    public Set<String> headsOf(Collection<String> revisions) {
        requireKnown(revisions);
        Set<String> covered = new HashSet<>();
        revisions.forEach(r -> covered.addAll(graph.parentAncestors(r)));
        Set<String> heads = new HashSet<>(revisions);
        heads.removeAll(covered);
        return graph.ordered(heads);
    }

    private void requireKnown(Collection<String> heads) {
        for (String head : heads) {
            if (!graph.contains(head)) {
                throw new UnknownDatabaseRevisionException(head);
            }
        }
    }
}
