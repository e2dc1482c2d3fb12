package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

import java.util.List;

/**
 * A relative target ({@code +N}, {@code -N}, {@code REV+N}, {@code REV-N}) whose walk reaches a
 * fork, a merge or several roots, where it would have to choose; names the choices.
 */
public final class AmbiguousStepException extends StepwiseException {

    private final String target;
    private final List<Revision> choices;

    private AmbiguousStepException(String target, String situation, List<Revision> choices) {
        super(Category.BAD_INPUT, "target " + target + " is ambiguous: " + situation + ": "
                + Mention.all(choices) + " — name the revision to go to instead");
        this.target = target;
        this.choices = List.copyOf(choices);
    }

    static AmbiguousStepException atFork(String target, Revision fork, List<Revision> children) {
        return new AmbiguousStepException(target, Mention.of(fork) + " has several children", children);
    }

    static AmbiguousStepException atMerge(String target, Revision merge, List<Revision> parents) {
        return new AmbiguousStepException(target, Mention.of(merge) + " is a merge of", parents);
    }

    static AmbiguousStepException atBase(String target, List<Revision> roots) {
        return new AmbiguousStepException(target, "from base there are several roots", roots);
    }

    public String target() {
        return target;
    }

    public List<Revision> choices() {
        return choices;
    }
}
