package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

import java.util.List;

/**
 * Several roots where at least one has no branch label: without labels, {@code label@head}
 * cannot tell the independent branches apart, and an accidental second root goes unnoticed.
 */
public final class UnlabelledRootException extends StepwiseException {

    private final List<Revision> roots;

    public UnlabelledRootException(List<Revision> roots) {
        super(Category.BAD_INPUT, "unlabelled second root: the migrations have " + roots.size()
                + " roots (" + Mention.all(roots) + ") and with more than one root every root needs a"
                + " branch_labels header; or set down_revision to attach a root to the others");
        this.roots = List.copyOf(roots);
    }

    public List<Revision> roots() {
        return roots;
    }
}
