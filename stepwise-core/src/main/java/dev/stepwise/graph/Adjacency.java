package dev.stepwise.graph;

import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * One kind of edge of the revision graph (children, dependents), as numbers: the revisions are
 * numbered by their place in the topological order, and each one's neighbours are a slice of one
 * shared array. A list per revision would cost about a hundred bytes each, which a command that
 * holds the graph of a history of thousands of migrations pays for the whole run.
 */
final class Adjacency {

    /**
     * Revision {@code i}'s neighbours are {@code targets[start[i]]} up to {@code targets[start[i + 1]]};
     * null when there are no edges at all (most histories have no {@code depends_on}), which
     * would otherwise be an array of zeros as long as the history.
     */
    private final int[] start;
    private final int[] targets;

    private Adjacency(int[] start, int[] targets) {
        this.start = start;
        this.targets = targets;
    }

    /**
     * The edges that lead into each revision from the ones it names: with {@code named} its
     * parents, revision {@code p} gets the children that name it, each once, in topological order.
     *
     * @param topological the revisions, numbered by their place here
     * @param position    the number of each id
     */
    static Adjacency reversed(List<Revision> topological, Function<String, Integer> position,
                              Function<Revision, List<String>> named) {
        int n = topological.size();
        int[] start = new int[n + 1];
        for (Revision revision : topological) {
            for (String id : distinct(named.apply(revision))) {
                start[position.apply(id) + 1]++;
            }
        }
        for (int i = 0; i < n; i++) {
            start[i + 1] += start[i];
        }
        if (start[n] == 0) {
            return new Adjacency(null, new int[0]);
        }
        int[] targets = new int[start[n]];
        int[] filled = new int[n];
        for (int j = 0; j < n; j++) {
            for (String id : distinct(named.apply(topological.get(j)))) {
                int p = position.apply(id);
                targets[start[p] + filled[p]++] = j;
            }
        }
        return new Adjacency(start, targets);
    }

    /** A parent named twice is one edge (the graph's checks do not refuse it). */
    private static List<String> distinct(List<String> ids) {
        return ids.size() < 2 ? ids : ids.stream().distinct().toList();
    }

    int count(int revision) {
        return start == null ? 0 : start[revision + 1] - start[revision];
    }

    /** The neighbours' numbers, in topological order. */
    IntStream of(int revision) {
        if (start == null) {
            return IntStream.empty();
        }
        return IntStream.range(start[revision], start[revision + 1]).map(k -> targets[k]);
    }
}
