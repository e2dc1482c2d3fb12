package dev.stepwise.graph;

import java.util.Collection;
import java.util.stream.Collectors;

/** How error messages name revisions: always with the file (or class) that defines them. */
final class Mention {

    private Mention() {
    }

    static String of(Revision revision) {
        return revision.id() + " (" + revision.origin() + ")";
    }

    static String all(Collection<Revision> revisions) {
        return revisions.stream().map(Mention::of).collect(Collectors.joining(", "));
    }

    static String ids(Collection<String> ids) {
        return String.join(", ", ids);
    }
}
