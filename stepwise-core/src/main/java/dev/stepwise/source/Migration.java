package dev.stepwise.source;

import dev.stepwise.graph.Revision;

import java.util.List;
import java.util.Set;

/**
 * One revision's executable content: an SQL file or a Java-coded migration, both placed in the
 * same revision graph, of which each is a node ({@link Revision}) itself.
 */
public sealed interface Migration extends Revision permits SqlMigration, JavaCodedMigration {

    MigrationHeader header();

    /** Where it is defined: the file path or the class name. */
    @Override
    String origin();

    /** The versioned checksum, e.g. {@code v1:3f2a...}; stable under cosmetic edits. */
    String checksum();

    /** Whether the migration can be downgraded; false means the runner must refuse to. */
    boolean hasDown();

    default String revision() {
        return id();
    }

    @Override
    default String id() {
        return header().revision();
    }

    @Override
    default List<String> parents() {
        return header().downRevisions();
    }

    @Override
    default List<String> dependsOn() {
        return header().dependsOn();
    }

    @Override
    default Set<String> branchLabels() {
        return header().branchLabels();
    }
}
