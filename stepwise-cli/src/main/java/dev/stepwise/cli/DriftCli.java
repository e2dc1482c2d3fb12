package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.DriftCommand;
import picocli.CommandLine.Command;

/** {@code drift --url URL}: what was changed by hand on a database; exit 1 when anything was. */
@Command(name = "drift", description = {"Compare a database with the schema its recorded revision(s) should have"
        + " (the migrations replayed) and list each object changed by hand; exit 1 on drift.",
        "+ only the database has it, - the database lacks it, ~ it differs."})
final class DriftCli extends ApiCommand {

    @Override
    int run(Session session, Stepwise stepwise) {
        DriftCommand.Report report = stepwise.drift();
        if (session.json()) {
            session.printJson(report);
        } else {
            String at = report.revisions().isEmpty() ? "base" : String.join(", ", report.revisions());
            if (report.drifted()) {
                session.println("drift: " + report.drift().size() + " difference(s) from the schema of revision " + at
                        + ":");
                report.drift().forEach(l -> session.println("  " + l));
            } else {
                session.println("no drift: the database has the schema of revision " + at);
            }
            report.notes().forEach(n -> session.println("note: " + n));
        }
        return report.drifted() ? Failures.FAILED : Failures.OK;
    }
}
