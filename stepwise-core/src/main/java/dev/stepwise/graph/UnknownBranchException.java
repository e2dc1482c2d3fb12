package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

import java.util.Collection;

/** A {@code label@head} or {@code label@base} target whose label no revision declares. */
public final class UnknownBranchException extends StepwiseException {

    private final String label;

    public UnknownBranchException(String label, Collection<String> knownLabels) {
        super(Category.BAD_INPUT, "unknown branch label '" + label + "'"
                + (knownLabels.isEmpty() ? "; no migration declares branch_labels"
                        : "; known labels: " + String.join(", ", knownLabels)));
        this.label = label;
    }

    public String label() {
        return label;
    }
}
