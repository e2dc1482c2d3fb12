package dev.stepwise.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The validated DAG of all revisions, with Alembic's meaning: {@code down_revision} entries are
 * parents (a revision with two is a merge), {@code depends_on} entries must be applied first
 * without merging branches, and branch labels name independent lines of work.
 *
 * <p>Children, heads, roots and branch points follow parents only, as in Alembic: a revision
 * that another branch merely depends on is still a head of its own branch. Ancestors,
 * descendants and the topological order follow parents and {@code depends_on}. Every list and
 * set it returns is in topological order, ties broken by the order the revisions were given.
 */
public final class RevisionGraph {

    private final List<Revision> topological;
    /**
     * Each revision's place in {@link #topological}: the graph's one index by id. Children and
     * dependents are kept by place too, so a long history costs a few bytes per revision besides
     * the revision itself, not a map entry and a list per revision and relation.
     */
    private final RevisionIndex position;
    private final Adjacency children;
    private final Adjacency dependents;
    private final BranchLabels labels;

    private RevisionGraph(List<Revision> topological) {
        this.topological = List.copyOf(topological);
        this.position = new RevisionIndex(this.topological);
        this.children = Adjacency.reversed(this.topological, this::place, Revision::parents);
        this.dependents = Adjacency.reversed(this.topological, this::place, Revision::dependsOn);
        this.labels = new BranchLabels(this.topological, position);
    }

    /**
     * Validates the revisions and builds their graph.
     *
     * @param revisions in a stable order (file order); it breaks ties in every ordering
     * @throws dev.stepwise.StepwiseException (BAD_INPUT) naming the files at fault: an invalid,
     *         reserved or duplicate id, a reference to a missing revision, a cycle, an unlabelled
     *         root among several, or a branch label naming two branches or equal to an id
     */
    public static RevisionGraph of(Collection<? extends Revision> revisions) {
        List<Revision> given = List.copyOf(revisions);
        Map<String, Revision> byId = GraphChecks.indexById(given);
        GraphChecks.referencesExist(given, byId);
        List<Revision> topological = TopologicalSort.of(given, byId);
        GraphChecks.rootsLabelled(topological.stream().filter(Revision::isRoot).toList());
        return new RevisionGraph(topological);
    }

    public int size() {
        return topological.size();
    }

    public boolean contains(String id) {
        return position.of(id) >= 0;
    }

    public Optional<Revision> find(String id) {
        int at = position.of(id);
        return at < 0 ? Optional.empty() : Optional.of(topological.get(at));
    }

    /** The revision with exactly this id; for prefixes and other targets see {@link Targets}. */
    public Revision revision(String id) {
        return topological.get(place(id));
    }

    /**
     * The revision's index in {@link #topologicalOrder()}, or -1 when no revision has the id: for
     * a caller that keeps something per revision in an array rather than in a map of its own.
     */
    public int indexOf(String id) {
        return position.of(id);
    }

    private int place(String id) {
        int at = position.of(id);
        if (at < 0) {
            throw new UnknownRevisionException(id, "");
        }
        return at;
    }

    /** All revisions, every parent and depends_on before the revisions that need it. */
    public List<Revision> topologicalOrder() {
        return topological;
    }

    /** Revisions no other revision names as a parent. */
    public List<Revision> heads() {
        return IntStream.range(0, topological.size()).filter(i -> children.count(i) == 0)
                .mapToObj(topological::get).toList();
    }

    /** Revisions without parents ({@code down_revision: none}). */
    public List<Revision> roots() {
        return topological.stream().filter(Revision::isRoot).toList();
    }

    /** Revisions with more than one child: where a branch forks. */
    public List<Revision> branchPoints() {
        return IntStream.range(0, topological.size()).filter(i -> children.count(i) > 1)
                .mapToObj(topological::get).toList();
    }

    /** Revisions naming this one as a parent. */
    public List<Revision> children(String id) {
        return children.of(place(id)).mapToObj(topological::get).toList();
    }

    /** Every revision that must be applied before this one: parents and depends_on, transitively. */
    public Set<String> ancestors(String id) {
        return reach(id, r -> TopologicalSort.prerequisites(revision(r)));
    }

    /** Every revision that needs this one applied first, through parents or depends_on. */
    public Set<String> descendants(String id) {
        return reach(id, r -> {
            int at = place(r);
            return IntStream.concat(children.of(at), dependents.of(at))
                    .mapToObj(i -> topological.get(i).id()).toList();
        });
    }

    /** Ancestors along parents only: the revisions a version-table row for {@code id} stands for. */
    Set<String> parentAncestors(String id) {
        return reach(id, r -> revision(r).parents());
    }

    /**
     * The candidates that are parent-ancestors of {@code id}. It walks up from {@code id} only as
     * far as the oldest candidate not found yet (an ancestor always comes earlier in the
     * topological order), so the runner's question for each migration, "which current heads does
     * this one replace?", costs a step or two instead of a walk to the root: asking
     * {@link #parentAncestors} made applying n migrations take O(n² log n).
     */
    Set<String> parentAncestorsAmong(String id, Collection<String> candidates) {
        Set<String> wanted = new HashSet<>(candidates);
        Set<String> found = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(revision(id).parents());
        int oldestWanted = oldestPosition(wanted);
        while (!todo.isEmpty() && !wanted.isEmpty()) {
            String current = todo.pop();
            if (place(current) < oldestWanted || !seen.add(current)) {
                continue;
            }
            if (wanted.remove(current)) {
                found.add(current);
                oldestWanted = oldestPosition(wanted);
            }
            todo.addAll(revision(current).parents());
        }
        return ordered(found);
    }

    private int oldestPosition(Collection<String> ids) {
        return ids.stream().mapToInt(this::place).min().orElse(Integer.MAX_VALUE);
    }

    /** The ids together with all their ancestors. */
    Set<String> closure(Collection<String> ids) {
        Set<String> closure = new HashSet<>(ids);
        ids.forEach(id -> closure.addAll(ancestors(id)));
        return ordered(closure);
    }

    private Set<String> reach(String id, Function<String, Collection<String>> next) {
        revision(id);
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(next.apply(id));
        while (!todo.isEmpty()) {
            String current = todo.pop();
            if (seen.add(current)) {
                todo.addAll(next.apply(current));
            }
        }
        return ordered(seen);
    }

    /** The ids in topological order, as an unmodifiable set; every id must exist. */
    Set<String> ordered(Collection<String> ids) {
        List<String> sorted = new ArrayList<>(new HashSet<>(ids));
        sorted.sort(Comparator.comparingInt(this::place));
        return Collections.unmodifiableSet(new LinkedHashSet<>(sorted));
    }

    /** The branch labels a revision declares or inherits; see {@link #branchHeads(String)}. */
    public SortedSet<String> labelsOf(String id) {
        return labels.of(revision(id).id());
    }

    /** Every label some revision declares. */
    public SortedSet<String> branchLabels() {
        return labels.declared();
    }

    /**
     * The tips of a branch: revisions carrying the label (declared, or inherited along parents
     * until another label) that no child carrying the label follows. One, unless the branch forks.
     */
    public List<Revision> branchHeads(String label) {
        requireLabel(label);
        return labels.heads(label, topological);
    }

    /** The revision that declares the label first: the start of the branch. */
    public Revision branchBase(String label) {
        requireLabel(label);
        return labels.base(label);
    }

    private void requireLabel(String label) {
        if (!labels.isDeclared(label)) {
            throw new UnknownBranchException(label, labels.declared());
        }
    }
}
