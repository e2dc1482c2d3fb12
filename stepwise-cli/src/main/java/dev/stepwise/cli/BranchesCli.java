package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.BranchesCommand;
import dev.stepwise.command.RevisionView;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code branches}: the branch points of the revision graph. */
@Command(name = "branches", description = "Show where the revision graph forks.")
final class BranchesCli extends ApiCommand {

    @Override
    int run(Session session, Stepwise stepwise) {
        List<BranchesCommand.BranchPoint> points = stepwise.branches();
        if (session.json()) {
            session.printJson(points);
            return Failures.OK;
        }
        for (BranchesCommand.BranchPoint p : points) {
            session.println(RevisionText.head(p.revision()));
            for (RevisionView child : p.children()) {
                session.println("    -> " + RevisionText.head(child));
            }
        }
        return Failures.OK;
    }
}
