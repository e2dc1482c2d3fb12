package dev.stepwise.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks on a set of revisions that must pass before they can be treated as a graph. */
final class GraphChecks {

    private static final Pattern ID = Pattern.compile("[a-z0-9_]+");

    /** Words that are targets ({@code base}, {@code head}, {@code heads}) or mean "no parent" ({@code none}). */
    private static final Set<String> RESERVED = Set.of("none", "base", "head", "heads");

    private GraphChecks() {
    }

    /** Checks every id and indexes the revisions by id, keeping the given order. */
    static Map<String, Revision> indexById(List<Revision> revisions) {
        Map<String, Revision> byId = new LinkedHashMap<>();
        for (Revision revision : revisions) {
            checkId(revision);
            Revision earlier = byId.putIfAbsent(revision.id(), revision);
            if (earlier != null) {
                throw new DuplicateRevisionException(revision.id(), earlier.origin(), revision.origin());
            }
        }
        return byId;
    }

    private static void checkId(Revision revision) {
        String id = revision.id();
        if (!ID.matcher(id).matches()) {
            throw new InvalidRevisionIdException(id, revision.origin(),
                    "is not valid: use lowercase letters, digits and _ only");
        }
        if (RESERVED.contains(id)) {
            throw new InvalidRevisionIdException(id, revision.origin(),
                    "is reserved (none, base, head and heads are target words)");
        }
    }

    static void referencesExist(List<Revision> revisions, Map<String, Revision> byId) {
        for (Revision revision : revisions) {
            for (String parent : revision.parents()) {
                if (!byId.containsKey(parent)) {
                    throw new MissingRevisionException(revision.id(), revision.origin(), "down_revision", parent);
                }
            }
            for (String dependency : revision.dependsOn()) {
                if (!byId.containsKey(dependency)) {
                    throw new MissingRevisionException(revision.id(), revision.origin(), "depends_on", dependency);
                }
            }
        }
    }

    /** With several roots, each must carry a label, so each independent branch can be named. */
    static void rootsLabelled(List<Revision> roots) {
        if (roots.size() > 1 && roots.stream().anyMatch(root -> root.branchLabels().isEmpty())) {
            throw new UnlabelledRootException(roots);
        }
    }
}
