package dev.stepwise.graph;

import java.util.List;

/**
 * The revisions a downgrade unapplies, in order: each before its parents and depends_on.
 *
 * @param steps empty when the database is already at the target
 */
public record DowngradePlan(List<Revision> steps) {

    public DowngradePlan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public List<String> ids() {
        return steps.stream().map(Revision::id).toList();
    }
}
