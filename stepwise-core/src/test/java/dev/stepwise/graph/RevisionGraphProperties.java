package dev.stepwise.graph;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random DAGs (forks, merges, several labelled roots, depends_on across branches), each given in
 * a shuffled order: the plans and the version-table arithmetic must agree with each other.
 */
class RevisionGraphProperties {

    @Property(tries = 200, seed = "20240917")
    void topologicalOrder_respectsEveryEdge(@ForAll("dags") List<Revision> revisions) {
        RevisionGraph graph = RevisionGraph.of(revisions);
        Map<String, Integer> position = new HashMap<>();
        graph.topologicalOrder().forEach(revision -> position.put(revision.id(), position.size()));

        assertThat(position).hasSize(revisions.size());
        for (Revision revision : revisions) {
            for (String needed : TopologicalSort.prerequisites(revision)) {
                assertThat(position.get(needed)).isLessThan(position.get(revision.id()));
            }
        }
    }

    @Property(tries = 200, seed = "20240917")
    void upgradeToHeadsThenDowngradeToBase_stepByStep_returnsToNoRows(@ForAll("dags") List<Revision> revisions) {
        RevisionGraph graph = RevisionGraph.of(revisions);
        Targets targets = new Targets(graph);
        VersionHeads versionHeads = new VersionHeads(graph);

        UpgradePlan up = targets.upgradeTo("heads", Set.of());
        assertThat(up.ids()).containsExactlyInAnyOrderElementsOf(Revisions.ids(revisions));
        Set<String> heads = Set.of();
        Set<String> applied = new HashSet<>();
        for (Revision step : up.steps()) {
            assertThat(applied).containsAll(TopologicalSort.prerequisites(step));
            heads = versionHeads.headsAfterApplying(heads, step.id());
            applied.add(step.id());
            assertThat(versionHeads.appliedSet(heads)).containsExactlyInAnyOrderElementsOf(applied);
        }
        assertThat(heads).containsExactlyInAnyOrderElementsOf(Revisions.ids(graph.heads()));

        DowngradePlan down = targets.downgradeTo("base", heads);
        assertThat(down.steps()).hasSize(revisions.size());
        for (Revision step : down.steps()) {
            assertThat(heads).contains(step.id());
            heads = versionHeads.headsAfterUnapplying(heads, step.id());
            applied.remove(step.id());
            assertThat(versionHeads.appliedSet(heads)).containsExactlyInAnyOrderElementsOf(applied);
        }
        assertThat(heads).isEmpty();
    }

    @Property(tries = 200, seed = "20240917")
    void downgradeToARevision_keepsExactlyWhatItNeeds(@ForAll("dags") List<Revision> revisions,
                                                       @ForAll("picks") int pick) {
        RevisionGraph graph = RevisionGraph.of(revisions);
        Targets targets = new Targets(graph);
        Set<String> all = new HashSet<>(Revisions.ids(revisions));
        Set<String> heads = new HashSet<>(Revisions.ids(graph.heads()));
        String target = revisions.get(pick % revisions.size()).id();

        Set<String> removed = new HashSet<>(targets.downgradeTo(target, heads).ids());

        Set<String> expected = new HashSet<>(graph.descendants(target));
        assertThat(removed).isEqualTo(expected);
        all.removeAll(removed);
        assertThat(all).containsAll(graph.ancestors(target)).contains(target);
    }

    @Property(tries = 200, seed = "20240917")
    void parentAncestorsAmong_isTheCandidatesThatAreParentAncestors(@ForAll("dags") List<Revision> revisions,
                                                                    @ForAll("picks") int pick,
                                                                    @ForAll("picks") int mask) {
        RevisionGraph graph = RevisionGraph.of(revisions);
        String id = revisions.get(pick % revisions.size()).id();
        Set<String> candidates = new HashSet<>();
        for (int i = 0; i < revisions.size(); i++) {
            if ((mask >> (i % 10) & 1) == 1) {
                candidates.add(revisions.get(i).id());
            }
        }

        Set<String> expected = new HashSet<>(graph.parentAncestors(id));
        expected.retainAll(candidates);
        assertThat(graph.parentAncestorsAmong(id, candidates)).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Provide
    Arbitrary<Integer> picks() {
        return Arbitraries.integers().between(0, 1000);
    }

    /**
     * Revision i picks its parents and its depends_on among revisions 0..i-1, so the result is
     * acyclic; a root gets a label, so several roots are valid. The list is then rotated, so
     * revisions are not given parents-first.
     */
    @Provide
    Arbitrary<List<Revision>> dags() {
        return Arbitraries.integers().between(1, 12).flatMap(size ->
                Arbitraries.integers().between(0, 10_000).list().ofSize(size * 3 + 1)
                        .map(choices -> dag(size, choices)));
    }

    private static List<Revision> dag(int size, List<Integer> choices) {
        List<Revision> revisions = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int shape = choices.get(3 * i);
            int parentChoice = choices.get(3 * i + 1);
            int dependencyChoice = choices.get(3 * i + 2);
            Set<String> parents = new LinkedHashSet<>();
            if (i > 0 && shape % 5 != 0) {
                parents.add("r" + parentChoice % i);
                if (shape % 5 == 4) {
                    parents.add("r" + (parentChoice / 7) % i);
                }
            }
            List<String> dependsOn = new ArrayList<>();
            if (i > 0 && dependencyChoice % 3 == 0) {
                String dependency = "r" + (dependencyChoice / 3) % i;
                if (!parents.contains(dependency)) {
                    dependsOn.add(dependency);
                }
            }
            Set<String> labels = parents.isEmpty() ? Set.of("branch" + i) : Set.of();
            revisions.add(Revision.of("r" + i, List.copyOf(parents), dependsOn, labels, "migrations/r" + i + ".sql"));
        }
        int rotation = choices.get(3 * size) % size;
        List<Revision> rotated = new ArrayList<>(revisions.subList(rotation, size));
        rotated.addAll(revisions.subList(0, rotation));
        return rotated;
    }
}
