package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

import java.util.List;

/** A revision prefix that matches several revisions; lists them so the user can type more. */
public final class AmbiguousRevisionException extends StepwiseException {

    private final String prefix;
    private final List<Revision> candidates;

    public AmbiguousRevisionException(String prefix, List<Revision> candidates) {
        super(Category.BAD_INPUT, "revision prefix '" + prefix + "' is ambiguous: it matches "
                + Mention.all(candidates) + " — type more of the id");
        this.prefix = prefix;
        this.candidates = List.copyOf(candidates);
    }

    public String prefix() {
        return prefix;
    }

    public List<Revision> candidates() {
        return candidates;
    }
}
