package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

/**
 * The version table holds a revision together with one of its descendants; Stepwise never writes
 * that state, and the next head set could not be computed from it.
 */
public final class OverlappingHeadsException extends StepwiseException {

    private final String ancestor;
    private final String descendant;

    public OverlappingHeadsException(Revision ancestor, Revision descendant) {
        super(Category.BAD_INPUT, "the version table is inconsistent: it holds both "
                + Mention.of(ancestor) + " and its descendant " + Mention.of(descendant)
                + " — fix it with `stamp`");
        this.ancestor = ancestor.id();
        this.descendant = descendant.id();
    }

    public String ancestor() {
        return ancestor;
    }

    public String descendant() {
        return descendant;
    }
}
