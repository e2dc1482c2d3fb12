package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

/** Two migrations declare the same revision id; names both files. */
public final class DuplicateRevisionException extends StepwiseException {

    private final String revision;
    private final String firstOrigin;
    private final String secondOrigin;

    public DuplicateRevisionException(String revision, String firstOrigin, String secondOrigin) {
        super(Category.BAD_INPUT, "revision " + revision + " is defined twice: in " + firstOrigin
                + " and in " + secondOrigin + " — give one of them a new revision id");
        this.revision = revision;
        this.firstOrigin = firstOrigin;
        this.secondOrigin = secondOrigin;
    }

    public String revision() {
        return revision;
    }

    public String firstOrigin() {
        return firstOrigin;
    }

    public String secondOrigin() {
        return secondOrigin;
    }
}
