package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.BranchesCommand;
import dev.stepwise.command.RevisionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code branches}: the branch points of the revision graph. */
@Command(name = "branches", description = "Show where the revision graph forks.")
final class BranchesCli implements Callable<Integer> {

    @Mixin
    GlobalOptions globalOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        try (Stepwise stepwise = session.open()) {
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
}
