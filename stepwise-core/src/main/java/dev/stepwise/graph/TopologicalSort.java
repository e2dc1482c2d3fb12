package dev.stepwise.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders revisions so that every parent and every {@code depends_on} comes before the revisions
 * that need it; among revisions that are ready at the same time the one given first goes first,
 * so the caller's order (file order) makes the result reproducible.
 */
final class TopologicalSort {

    private TopologicalSort() {
    }

    static List<Revision> of(List<Revision> given, Map<String, Revision> byId) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            index.put(given.get(i).id(), i);
        }
        int[] waitingFor = new int[given.size()];
        Map<String, List<Integer>> neededBy = new HashMap<>();
        for (int i = 0; i < given.size(); i++) {
            Set<String> prerequisites = prerequisites(given.get(i));
            waitingFor[i] = prerequisites.size();
            for (String prerequisite : prerequisites) {
                neededBy.computeIfAbsent(prerequisite, k -> new ArrayList<>()).add(i);
            }
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < given.size(); i++) {
            if (waitingFor[i] == 0) {
                ready.add(i);
            }
        }
        List<Revision> order = new ArrayList<>(given.size());
        while (!ready.isEmpty()) {
            Revision next = given.get(ready.poll());
            order.add(next);
            for (int waiting : neededBy.getOrDefault(next.id(), List.of())) {
                if (--waitingFor[waiting] == 0) {
                    ready.add(waiting);
                }
            }
        }
        if (order.size() < given.size()) {
            throw new RevisionCycleException(findCycle(given, byId, order));
        }
        return order;
    }

    /** Parents and depends_on, each once even if listed in both. */
    static Set<String> prerequisites(Revision revision) {
        Set<String> prerequisites = new LinkedHashSet<>(revision.parents());
        prerequisites.addAll(revision.dependsOn());
        return prerequisites;
    }

    /**
     * Every revision left unordered waits for another one left unordered, so following those
     * prerequisites from any of them must come back to a revision already visited.
     */
    private static List<Revision> findCycle(List<Revision> given, Map<String, Revision> byId, List<Revision> ordered) {
        Set<String> done = new LinkedHashSet<>();
        ordered.forEach(revision -> done.add(revision.id()));
        Revision current = given.stream().filter(r -> !done.contains(r.id())).findFirst().orElseThrow();
        List<Revision> path = new ArrayList<>();
        Map<String, Integer> seenAt = new HashMap<>();
        while (!seenAt.containsKey(current.id())) {
            seenAt.put(current.id(), path.size());
            path.add(current);
            current = prerequisites(current).stream()
                    .filter(id -> !done.contains(id))
                    .map(byId::get)
                    .findFirst().orElseThrow();
        }
        return path.subList(seenAt.get(current.id()), path.size());
    }
}
