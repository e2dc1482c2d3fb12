package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.RevisionCommand;
import dev.stepwise.source.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code revision -m MSG}: write a new migration file. */
@Command(name = "revision", description = "Create a new migration file.")
final class RevisionCli extends ApiCommand {

    @Option(names = {"-m", "--message"}, required = true, paramLabel = "MSG", description = "What the migration does.")
    String message;

    @Option(names = "--head", paramLabel = "REV", description = "Parent revision (default head; base for a new root).")
    String head;

    @Option(names = "--branch-label", paramLabel = "LABEL", description = "Branch label for the new revision.")
    String branchLabel;

    @Option(names = "--depends-on", paramLabel = "REV", description = "A revision this one depends on (repeatable).")
    List<String> dependsOn = new ArrayList<>();

    @Option(names = "--phase", paramLabel = "PHASE", description = "expand (default) or contract.")
    String phase;

    @Option(names = "--autogenerate", description = "Generate from the desired schema (not available yet).")
    boolean autogenerate;

    @Override
    int run(Session session, Stepwise stepwise) {
        if (autogenerate) {
            throw Unavailable.autogenerate("revision --autogenerate");
        }
        Phase chosen = phase == null ? Phase.EXPAND : switch (phase) {
            case "expand" -> Phase.EXPAND;
            case "contract" -> Phase.CONTRACT;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--phase must be expand or contract, not '" + phase + "'");
        };
        Path file = stepwise.revision(new RevisionCommand.Request(message, head, branchLabel, dependsOn, chosen));
        session.println("created " + file);
        return Failures.OK;
    }
}
