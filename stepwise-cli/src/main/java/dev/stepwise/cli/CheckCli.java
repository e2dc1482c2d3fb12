package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.autogen.ChangeLine;
import dev.stepwise.command.CheckCommand;
import picocli.CommandLine.Command;

/** {@code check}: exit 1, printing the difference, when autogenerate would write a migration. */
@Command(name = "check", description = {"Exit 1 when schema/ and the migrations differ (revision --autogenerate"
        + " would write something), printing the difference; exit 0 when they agree."})
final class CheckCli extends ApiCommand {

    @Override
    int run(Session session, Stepwise stepwise) {
        CheckCommand.Report report = stepwise.check();
        if (session.json()) {
            session.printJson(report);
        } else if (report.differs()) {
            session.println("schema/ and the migrations differ; `stepwise revision --autogenerate` would write:");
            report.changes().stream().map(ChangeLine::toString).forEach(l -> session.println("  " + l));
            report.notes().forEach(n -> session.println("note: " + n));
        } else {
            session.println("no changes: schema/ and the migrations agree");
            report.notes().forEach(n -> session.println("note: " + n));
        }
        return report.differs() ? Failures.FAILED : Failures.OK;
    }
}
