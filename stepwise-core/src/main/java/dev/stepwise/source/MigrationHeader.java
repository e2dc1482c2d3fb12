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
        revision = revision == null ? null : revision.intern();
        downRevisions = interned(downRevisions);
        branchLabels = Set.copyOf(branchLabels);
        dependsOn = interned(dependsOn);
        message = message == null ? "" : message;
    }

    /**
     * Ids repeat across a history's headers (every parent is another migration's revision) and a
     * command holds every header for the whole run: interned, each id is one string however
     * often it is named, not one per header that names it.
     */
    private static List<String> interned(List<String> ids) {
        String[] copy = ids.toArray(String[]::new);
        for (int i = 0; i < copy.length; i++) {
            copy[i] = copy[i].intern();
        }
        return List.of(copy);
    }
}
