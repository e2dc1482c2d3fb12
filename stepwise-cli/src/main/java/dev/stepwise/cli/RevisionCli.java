package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.RevisionCommand;
import dev.stepwise.expand.GeneratorOptions;
import dev.stepwise.expand.GeneratorRequest;
import dev.stepwise.source.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code revision -m MSG}: write a new migration file, or with a generator the expand/contract pair. */
@Command(name = "revision", description = {"Create a new migration file.",
        "With a generator (--rename-column, --change-type, --rename-table, --add-required-column, --drop-column,"
                + " --drop-table), write the expand and contract migrations that make the change safely, read from"
                + " a replay of the migrations up to the parent."})
final class RevisionCli extends ApiCommand {

    @Option(names = {"-m", "--message"}, paramLabel = "MSG",
            description = "What the migration does (a generator writes one when it is left out).")
    String message;

    @Option(names = "--head", paramLabel = "REV", description = "Parent revision (default head; base for a new root).")
    String head;

    @Option(names = "--branch-label", paramLabel = "LABEL", description = "Branch label for the new revision.")
    String branchLabel;

    @Option(names = "--depends-on", paramLabel = "REV", description = "A revision this one depends on (repeatable).")
    List<String> dependsOn = new ArrayList<>();

    @Option(names = "--phase", paramLabel = "PHASE", description = "expand (default) or contract.")
    String phase;

    @Option(names = "--rename-column", paramLabel = "TABLE.OLD:NEW",
            description = "Rename a column in two phases: a synced copy (expand), then the old one dropped (contract).")
    String renameColumn;

    @Option(names = "--change-type", paramLabel = "TABLE.OLD:NEW:TYPE",
            description = "Move a column to a new one of another type; needs --using and --reverse.")
    String changeType;

    @Option(names = "--using", paramLabel = "EXPR", description = "--change-type: the new column's value from the old.")
    String using;

    @Option(names = "--reverse", paramLabel = "EXPR", description = "--change-type: the old column's value from the new.")
    String reverse;

    @Option(names = "--rename-table", paramLabel = "OLD:NEW",
            description = "Rename a table, with a view under the old name until the contract.")
    String renameTable;

    @Option(names = "--add-required-column", paramLabel = "TABLE.COL:TYPE",
            description = "Add a NOT NULL column without a long lock; needs --default.")
    String addRequiredColumn;

    @Option(names = "--default", paramLabel = "EXPR", description = "--add-required-column: the column's default.")
    String defaultValue;

    @Option(names = "--drop-column", paramLabel = "TABLE.COL", description = "Drop a column (a contract migration).")
    String dropColumn;

    @Option(names = "--drop-table", paramLabel = "TABLE", description = "Drop a table (a contract migration).")
    String dropTable;

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
        GeneratorRequest generator = new GeneratorOptions(renameColumn, changeType, using, reverse, renameTable,
                addRequiredColumn, defaultValue, dropColumn, dropTable).request();
        if (generator == null && (message == null || message.isBlank())) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "a revision needs a message: -m \"...\"");
        }
        List<Path> files = stepwise.revisions(new RevisionCommand.Request(message, head, branchLabel, dependsOn,
                generator != null && phase == null ? null : chosen, generator));
        files.forEach(f -> session.println("created " + f));
        return Failures.OK;
    }
}
