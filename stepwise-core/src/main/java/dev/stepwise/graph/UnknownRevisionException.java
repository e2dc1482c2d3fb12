package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

/** A target names a revision that is neither an id nor the prefix of one. */
public final class UnknownRevisionException extends StepwiseException {

    private final String reference;

    public UnknownRevisionException(String reference, String hint) {
        super(Category.BAD_INPUT, "unknown revision '" + reference + "'" + (hint.isEmpty() ? "" : "; " + hint));
        this.reference = reference;
    }

    public String reference() {
        return reference;
    }
}
