package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

/**
 * A branch label that does not name exactly one branch: declared on two separate branches, or
 * equal to a revision id (so {@code label@head} and the id would read alike).
 */
public final class BranchLabelConflictException extends StepwiseException {

    private final String label;

    private BranchLabelConflictException(String label, String message) {
        super(Category.BAD_INPUT, message);
        this.label = label;
    }

    static BranchLabelConflictException onTwoBranches(String label, Revision first, Revision second) {
        return new BranchLabelConflictException(label, "branch label '" + label + "' is used by two"
                + " different branches: " + Mention.of(first) + " and " + Mention.of(second)
                + " — a label names one branch; rename one of them");
    }

    static BranchLabelConflictException equalToRevision(String label, Revision holder, Revision revision) {
        return new BranchLabelConflictException(label, "branch label '" + label + "' of "
                + Mention.of(holder) + " is also the id of revision " + Mention.of(revision)
                + " — rename the label");
    }

    public String label() {
        return label;
    }
}
