package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

/** A revision id that breaks the id syntax or is one of the reserved target words. */
public final class InvalidRevisionIdException extends StepwiseException {

    private final String revision;
    private final String origin;

    public InvalidRevisionIdException(String revision, String origin, String problem) {
        super(Category.BAD_INPUT, origin + ": revision id '" + revision + "' " + problem);
        this.revision = revision;
        this.origin = origin;
    }

    public String revision() {
        return revision;
    }

    public String origin() {
        return origin;
    }
}
