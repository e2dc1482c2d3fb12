package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

import java.util.List;
import java.util.Optional;

/** {@code head} (or {@code label@head}) was asked for where there are several heads to choose from. */
public final class MultipleHeadsException extends StepwiseException {

    private final List<String> heads;
    private final String branch;

    private MultipleHeadsException(List<String> heads, String branch, String message) {
        super(Category.BAD_INPUT, message);
        this.heads = List.copyOf(heads);
        this.branch = branch;
    }

    static MultipleHeadsException ofGraph(List<String> heads) {
        return new MultipleHeadsException(heads, null, "multiple heads: " + Mention.ids(heads)
                + " — upgrade `heads`, a specific revision, or `merge` them");
    }

    static MultipleHeadsException ofBranch(String branch, List<String> heads) {
        return new MultipleHeadsException(heads, branch, "branch '" + branch + "' has multiple heads: "
                + Mention.ids(heads) + " — name a specific revision, or `merge` them");
    }

    public List<String> heads() {
        return heads;
    }

    /** The branch label when the heads are those of one branch; empty for the whole graph. */
    public Optional<String> branch() {
        return Optional.ofNullable(branch);
    }
}
