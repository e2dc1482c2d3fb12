package dev.stepwise.graph;

import java.util.List;

/** Where a resolved target leads, independent of the direction of travel. */
public sealed interface Destination {

    /** Nothing applied. */
    record Base() implements Destination {
    }

    /** These revisions (with everything they need) applied, and nothing that descends from them. */
    record At(List<String> revisions) implements Destination {
        public At {
            revisions = List.copyOf(revisions);
        }
    }

    /**
     * The revision and everything that descends from it not applied; the rest of the database
     * untouched. What {@code label@base} and {@code -N} mean: they stop at a revision's lower
     * edge, which may be a root (so there is no revision to name) or a merge (two to name).
     */
    record Below(String revision) implements Destination {
    }
}
