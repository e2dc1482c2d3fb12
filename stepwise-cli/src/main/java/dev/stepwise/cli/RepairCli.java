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
@Command(name = "repair", description = "Clear failed attempts; settle a migration stopped part-way; with --yes also re-record checksums of edited applied files.")
final class RepairCli extends ApiCommand {

    @Option(names = "--yes", description = "Confirm that the edits of applied files are benign.")
    boolean yes;

    @Option(names = "--step-done", description = "A migration stopped part-way: its next step did finish (you checked).")
    boolean stepDone;

    @Option(names = "--step-redo", description = "A migration stopped part-way: you removed what its next step left; run it again.")
    boolean stepRedo;

    @Option(names = "--abandon", description = "A migration stopped part-way: you undid its steps; start it over.")
    boolean abandon;

    @Override
    int run(Session session, Stepwise stepwise) {
        if ((stepDone ? 1 : 0) + (stepRedo ? 1 : 0) + (abandon ? 1 : 0) > 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give at most one of --step-done, --step-redo and --abandon");
        }
        RepairCommand.PartialPolicy partials = stepDone ? RepairCommand.PartialPolicy.STEP_DONE
                : stepRedo ? RepairCommand.PartialPolicy.STEP_REDO
                : abandon ? RepairCommand.PartialPolicy.ABANDON : RepairCommand.PartialPolicy.REPORT;
        RepairCommand.Report report = stepwise.repair(yes ? RepairCommand.ChecksumPolicy.ACCEPT
                : RepairCommand.ChecksumPolicy.REPORT, partials);
        if (session.json()) {
            session.printJson(report);
            return report.checksumsNeedingConsent().isEmpty() ? Failures.OK : Failures.FAILED;
        }
        session.println("cleared " + report.failedRowsCleared() + " failed attempt row(s)");
        for (HistoryLedger.PartialAttempt p : report.partials()) {
            String what = p.action().word() + " of " + p.revision() + " (stopped after step " + p.completedSteps()
                    + " of " + p.stepsTotal() + ")";
            session.println(switch (report.partialPolicy()) {
                case ABANDON -> "abandoned the partial " + what + ": the next run starts it over";
                case STEP_DONE -> "recorded step " + p.nextStep() + " of the partial " + what + " as done";
                case STEP_REDO -> "step " + p.nextStep() + " of the partial " + what + " runs again next time";
                case REPORT -> "left the partial " + what + " as it is: the next `stepwise " + (p.action().word()
                        .equals("down") ? "downgrade" : "upgrade") + "` resumes it";
            });
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
