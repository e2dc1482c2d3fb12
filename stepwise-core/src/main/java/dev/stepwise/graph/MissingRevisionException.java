package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

/** A {@code down_revision} or {@code depends_on} entry that names a revision no migration defines. */
public final class MissingRevisionException extends StepwiseException {

    private final String revision;
    private final String origin;
    private final String missing;

    /**
     * @param revision the revision holding the dangling reference
     * @param origin   where that revision is defined
     * @param key      the header key the reference is in: {@code down_revision} or {@code depends_on}
     * @param missing  the id that does not exist
     */
    public MissingRevisionException(String revision, String origin, String key, String missing) {
        super(Category.BAD_INPUT, origin + ": revision " + revision + " has " + key + " " + missing
                + ", which no migration file defines");
        this.revision = revision;
        this.origin = origin;
        this.missing = missing;
    }

    public String revision() {
        return revision;
    }

    public String origin() {
        return origin;
    }

    public String missing() {
        return missing;
    }
}
