package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

import java.util.Collection;

/** A downgrade target that is not applied: downgrading can only go back to where the database was. */
public final class RevisionNotAppliedException extends StepwiseException {

    private final String revision;

    public RevisionNotAppliedException(Revision revision, Collection<String> currentHeads) {
        super(Category.BAD_INPUT, "cannot downgrade to " + Mention.of(revision) + ": it is not applied"
                + " (the database is at " + (currentHeads.isEmpty() ? "base" : Mention.ids(currentHeads))
                + ") — use upgrade to go there");
        this.revision = revision.id();
    }

    public String revision() {
        return revision;
    }
}
