package dev.stepwise.source;

import dev.stepwise.graph.Revision;

/**
 * One revision's executable content: an SQL file or a Java-coded migration, both placed in the
 * same revision graph.
 */
public sealed interface Migration permits SqlMigration, JavaCodedMigration {

    MigrationHeader header();

    /** Where it is defined: the file path or the class name. */
    String origin();

    /** The versioned checksum, e.g. {@code v1:3f2a...}; stable under cosmetic edits. */
    String checksum();

    /** Whether the migration can be downgraded; false means the runner must refuse to. */
    boolean hasDown();

    default String revision() {
        return header().revision();
    }

    default Revision toRevision() {
        MigrationHeader h = header();
        return new Revision(h.revision(), h.downRevisions(), h.dependsOn(), h.branchLabels(), origin());
    }
}
