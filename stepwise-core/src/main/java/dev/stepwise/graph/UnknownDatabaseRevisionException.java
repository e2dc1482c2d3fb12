package dev.stepwise.graph;

import dev.stepwise.StepwiseException;

/**
 * The version table holds a revision that no migration defines: the files are not the ones the
 * database was migrated with (wrong directory, a deleted file, another branch of the code).
 */
public final class UnknownDatabaseRevisionException extends StepwiseException {

    private final String revision;

    public UnknownDatabaseRevisionException(String revision) {
        super(Category.BAD_INPUT, "database is at revision " + revision
                + ", which no migration file defines");
        this.revision = revision;
    }

    public String revision() {
        return revision;
    }
}
