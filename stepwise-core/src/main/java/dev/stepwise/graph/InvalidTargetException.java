package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

/**
 * A target that cannot be used as asked: bad syntax, a relative step that runs past a head or
 * the base, a relative step without a single current head, or a step in the wrong direction.
 */
public final class InvalidTargetException extends StepwiseException {

    private final String target;

    public InvalidTargetException(String target, String problem) {
        super(Category.BAD_INPUT, "target '" + target + "': " + problem);
        this.target = target;
    }

    public String target() {
        return target;
    }
}
