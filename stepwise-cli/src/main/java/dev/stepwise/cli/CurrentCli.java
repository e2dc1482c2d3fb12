package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.CurrentCommand;
import picocli.CommandLine.Command;

import java.util.List;

/** {@code current}: the revision(s) the database is at. */
@Command(name = "current", description = "Show the revision(s) the database is at.")
final class CurrentCli extends ApiCommand {

    @Override
    int run(Session session, Stepwise stepwise) {
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
