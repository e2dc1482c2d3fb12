package dev.stepwise.graph;

import java.util.List;

/**
 * The revisions an upgrade applies, in order: each after all its parents and depends_on.
 *
 * @param steps empty when the target is already applied
 */
public record UpgradePlan(List<Revision> steps) {

    public UpgradePlan {
        steps = List.copyOf(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    public List<String> ids() {
        return steps.stream().map(Revision::id).toList();
    }
}
