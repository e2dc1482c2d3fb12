package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

import java.util.List;

/** Revisions that need each other first (through down_revision and/or depends_on), so none can run. */
public final class RevisionCycleException extends StepwiseException {

    private final List<Revision> cycle;

    /** @param cycle the revisions on the cycle, each one needing the next, the last needing the first */
    public RevisionCycleException(List<Revision> cycle) {
        super(Category.BAD_INPUT, "revisions form a cycle through down_revision/depends_on: "
                + Mention.all(cycle) + ", back to " + cycle.get(0).id()
                + " (each needs the next one applied first)");
        this.cycle = List.copyOf(cycle);
    }

    public List<Revision> cycle() {
        return cycle;
    }
}
