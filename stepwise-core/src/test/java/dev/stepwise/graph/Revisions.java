package dev.stepwise.graph;

import java.util.List;
import java.util.Set;

/** Short ways to write the revisions of a test graph; each lives in {@code migrations/<id>.sql}. */
final class Revisions {

    private Revisions() {
    }

    static Revision rev(String id, String... parents) {
        return Revision.of(id, List.of(parents), List.of(), Set.of(), origin(id));
    }

    static Revision labelled(String label, String id, String... parents) {
        return Revision.of(id, List.of(parents), List.of(), Set.of(label), origin(id));
    }

    static Revision dependsOn(Revision revision, String... dependencies) {
        return Revision.of(revision.id(), revision.parents(), List.of(dependencies),
                revision.branchLabels(), revision.origin());
    }

    static String origin(String id) {
        return "migrations/" + id + ".sql";
    }

    static RevisionGraph graph(Revision... revisions) {
        return RevisionGraph.of(List.of(revisions));
    }

    static List<String> ids(List<Revision> revisions) {
        return revisions.stream().map(Revision::id).toList();
    }
}
