package dev.stepwise.cli;

import dev.stepwise.command.RevisionView;

/** How revisions read in text output, in Alembic's shapes. */
final class RevisionText {

    private RevisionText() {
    }

    /** {@code parent -> rev (head), message}; a root shows {@code <base>}. */
    static String line(RevisionView v) {
        String parents = v.parents().isEmpty() ? "<base>" : String.join(", ", v.parents());
        return parents + " -> " + v.revision() + v.markers() + (v.message().isEmpty() ? "" : ", " + v.message());
    }

    /** {@code rev (head)} and the message. */
    static String head(RevisionView v) {
        return v.revision() + v.markers() + (v.message().isEmpty() ? "" : ", " + v.message());
    }

    static void printVerbose(Session session, RevisionView v) {
        session.println("Rev: " + v.revision() + v.markers());
        session.println("Parent: " + (v.parents().isEmpty() ? "<base>" : String.join(", ", v.parents())));
        if (!v.children().isEmpty()) {
            session.println((v.isBranchPoint() ? "Branches into: " : "Child: ") + String.join(", ", v.children()));
        }
        if (!v.dependsOn().isEmpty()) {
            session.println("Depends on: " + String.join(", ", v.dependsOn()));
        }
        if (!v.labels().isEmpty()) {
            session.println("Branch names: " + String.join(", ", v.labels()));
        }
        session.println("Phase: " + v.phase());
        session.println("Reversible: " + v.reversible());
        session.println("Path: " + v.origin());
        session.println("");
        session.println("    " + v.message());
        session.println("");
    }
}
