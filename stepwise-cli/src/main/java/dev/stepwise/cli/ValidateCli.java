package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.ChecksumMismatch;
import dev.stepwise.command.ValidateCommand;
import dev.stepwise.history.HistoryLedger;
import picocli.CommandLine.Command;


/** {@code validate}: every applied migration against its file; exit 1 on any mismatch. */
@Command(name = "validate", description = "Check applied migrations against their files.")
final class ValidateCli extends ApiCommand {

    @Override
    int run(Session session, Stepwise stepwise) {
        ValidateCommand.Report report = stepwise.validate();
        if (session.json()) {
            session.printJson(report);
        } else {
            for (ChecksumMismatch m : report.mismatches()) {
                session.println(m.origin() + ": revision " + m.revision() + " changed after it was applied"
                        + " (recorded " + m.recorded() + ", file " + m.actual() + ")");
            }
            for (HistoryLedger.PartialAttempt p : report.partial()) {
                session.println("revision " + p.revision() + ": " + p.action().word() + " stopped after step "
                        + p.completedSteps() + " of " + p.stepsTotal() + " (" + p.lastOutcome().word() + ")");
            }
            session.println(report.isClean() ? report.checked() + " applied migration(s) match their files"
                    : (report.mismatches().size() + report.partial().size()) + " problem(s) found");
        }
        return report.isClean() ? Failures.OK : Failures.FAILED;
    }
}
