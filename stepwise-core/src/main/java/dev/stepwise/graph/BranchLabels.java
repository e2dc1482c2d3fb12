package dev.stepwise.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which branch each revision belongs to. A label is declared by a revision and inherited by its
 * descendants along the parent chain until a revision declares labels of its own; a merge
 * inherits the labels of all its parents. So {@code label@head} is the tip of that chain.
 */
final class BranchLabels {

    private final List<Revision> topological;
    private final RevisionIndex position;
    private final SortedMap<String, List<Revision>> declarers = new TreeMap<>();
    /** The labels each revision carries, by its place in the topological order. */
    private final List<SortedSet<String>> carried;

    /**
     * @param topological the revisions, every parent before its children
     * @param position    each revision's place in {@code topological}
     */
    BranchLabels(List<Revision> topological, RevisionIndex position) {
        this.topological = topological;
        this.position = position;
        this.carried = new ArrayList<>(topological.size());
        for (Revision revision : topological) {
            for (String label : new TreeSet<>(revision.branchLabels())) {
                int sameId = position.of(label);
                if (sameId >= 0) {
                    throw BranchLabelConflictException.equalToRevision(label, revision, topological.get(sameId));
                }
                declarers.computeIfAbsent(label, k -> new ArrayList<>()).add(revision);
            }
            carried.add(inheritedOrOwn(revision));
        }
        declarers.forEach(this::checkOneBranch);
    }

    private SortedSet<String> carriedBy(String id) {
        return carried.get(position.of(id));
    }

    /**
     * The labels a revision carries; a revision that declares none and has one parent shares its
     * parent's set, so a long history costs one set per label change, not one per revision.
     */
    private SortedSet<String> inheritedOrOwn(Revision revision) {
        if (revision.branchLabels().isEmpty()) {
            if (revision.parents().isEmpty()) {
                return Collections.emptySortedSet();
            }
            if (revision.parents().size() == 1) {
                return carriedBy(revision.parents().get(0));
            }
        }
        SortedSet<String> labels = new TreeSet<>(revision.branchLabels());
        if (labels.isEmpty()) {
            revision.parents().forEach(parent -> labels.addAll(carriedBy(parent)));
        }
        return labels.isEmpty() ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(labels);
    }

    /**
     * A label declared again further down its own chain is redundant but harmless; declared on
     * two revisions where neither descends from the other, it would name two branches.
     */
    private void checkOneBranch(String label, List<Revision> revisions) {
        for (int i = 0; i < revisions.size(); i++) {
            for (int j = i + 1; j < revisions.size(); j++) {
                // topological order: the later one can only be the descendant
                if (!parentAncestors(revisions.get(j)).contains(revisions.get(i).id())) {
                    throw BranchLabelConflictException.onTwoBranches(label, revisions.get(i), revisions.get(j));
                }
            }
        }
    }

    private Set<String> parentAncestors(Revision revision) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(revision.parents());
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(topological.get(position.of(id)).parents());
            }
        }
        return seen;
    }

    SortedSet<String> declared() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(declarers.keySet()));
    }

    SortedSet<String> of(String id) {
        return carriedBy(id);
    }

    /** The revisions carrying the label that no child carrying it follows, in the given order. */
    List<Revision> heads(String label, List<Revision> topological) {
        Set<String> branch = new HashSet<>();
        Set<String> followed = new HashSet<>();
        for (Revision revision : topological) {
            if (carriedBy(revision.id()).contains(label)) {
                branch.add(revision.id());
                followed.addAll(revision.parents());
            }
        }
        return topological.stream()
                .filter(revision -> branch.contains(revision.id()) && !followed.contains(revision.id()))
                .toList();
    }

    /** The revision that starts the branch: its first declarer, from which all others descend. */
    Revision base(String label) {
        return declarers.get(label).get(0);
    }

    boolean isDeclared(String label) {
        return declarers.containsKey(label);
    }
}
