package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.ChecksumMismatch;
import dev.stepwise.command.RepairCommand;
import dev.stepwise.history.HistoryLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;


/**
 * {@code repair}: clear failed attempts and partial multi-step attempts; with {@code --yes}, also
 * accept the edits of applied files as benign and record their new checksums.
 */
@Command(name = "repair", description = "Clear failed attempts; with --yes also re-record checksums of edited applied files.")
final class RepairCli extends ApiCommand {

    @Option(names = "--yes", description = "Confirm that the edits of applied files are benign.")
    boolean yes;

    @Override
    int run(Session session, Stepwise stepwise) {
        RepairCommand.Report report = stepwise.repair(yes ? RepairCommand.ChecksumPolicy.ACCEPT
                : RepairCommand.ChecksumPolicy.REPORT);
        if (session.json()) {
            session.printJson(report);
            return report.checksumsNeedingConsent().isEmpty() ? Failures.OK : Failures.FAILED;
        }
        session.println("cleared " + report.failedRowsCleared() + " failed attempt row(s)");
        for (HistoryLedger.PartialAttempt p : report.attemptsClosed()) {
            session.println("closed the partial " + p.action().word() + " of " + p.revision() + " (stopped after step "
                    + p.completedSteps() + " of " + p.stepsTotal() + ")");
        }
        for (ChecksumMismatch m : report.checksumsReRecorded()) {
            session.println("re-recorded the checksum of " + m.revision() + " (" + m.origin() + ")");
        }
        for (ChecksumMismatch m : report.checksumsNeedingConsent()) {
            session.println("not re-recorded without --yes: " + m.revision() + " (" + m.origin() + ") changed after it"
                    + " was applied");
        }
        return report.checksumsNeedingConsent().isEmpty() ? Failures.OK : Failures.FAILED;
    }
}
