package dev.stepwise.source;

import java.util.List;
import java.util.Set;

/**
 * The metadata of one migration, from a file's header block or a Java migration's annotation.
 *
 * @param revision      the revision id
 * @param downRevisions parent ids; empty for a root ({@code none})
 * @param message       free text, may be empty
 * @param phase         expand (default) or contract
 * @param branchLabels  labels, may be empty
 * @param dependsOn     revisions this one depends on, may be empty
 * @param transaction   auto (default) or none
 * @param reversible    yes (default), lossy or no
 * @param expands       the expand revision a contract migration finishes, or null
 */
public record MigrationHeader(
        String revision,
        List<String> downRevisions,
        String message,
        Phase phase,
        Set<String> branchLabels,
        List<String> dependsOn,
        TransactionMode transaction,
        Reversibility reversible,
        String expands) {

    public MigrationHeader {
        downRevisions = List.copyOf(downRevisions);
        branchLabels = Set.copyOf(branchLabels);
        dependsOn = List.copyOf(dependsOn);
        message = message == null ? "" : message;
    }
}
