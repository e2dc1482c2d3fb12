package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.CurrentCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code current}: the revision(s) the database is at. */
@Command(name = "current", description = "Show the revision(s) the database is at.")
final class CurrentCli implements Callable<Integer> {

    @Mixin
    GlobalOptions globalOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        try (Stepwise stepwise = session.open()) {
            List<CurrentCommand.Head> heads = stepwise.current();
            if (session.json()) {
                session.printJson(heads);
                return Failures.OK;
            }
            if (heads.isEmpty()) {
                session.println("base (nothing applied)");
            }
            for (CurrentCommand.Head h : heads) {
                StringBuilder line = new StringBuilder(h.revision());
                h.labels().forEach(l -> line.append(" (").append(l).append(')'));
                if (h.isHead()) {
                    line.append(" (head)");
                }
                if (h.isMergePoint()) {
                    line.append(" (mergepoint)");
                }
                if (h.isBranchPoint()) {
                    line.append(" (branchpoint)");
                }
                session.println(line + (h.message().isEmpty() ? "" : ", " + h.message()));
            }
            return Failures.OK;
        }
    }
}
