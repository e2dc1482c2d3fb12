package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.AutogenerateCommand;
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
            description = "Rename a column in two phases: a synced copy (expand), then the old one dropped (contract)."
                    + " Repeatable with --autogenerate.")
    List<String> renameColumns = new ArrayList<>();

    @Option(names = "--change-type", paramLabel = "TABLE.OLD:NEW:TYPE",
            description = "Move a column to a new one of another type; needs --using and --reverse.")
    String changeType;

    @Option(names = "--using", paramLabel = "EXPR", description = "--change-type: the new column's value from the old.")
    String using;

    @Option(names = "--reverse", paramLabel = "EXPR", description = "--change-type: the old column's value from the new.")
    String reverse;

    @Option(names = "--rename-table", paramLabel = "OLD:NEW",
            description = "Rename a table, with a view under the old name until the contract. Repeatable with"
                    + " --autogenerate.")
    List<String> renameTables = new ArrayList<>();

    @Option(names = "--add-required-column", paramLabel = "TABLE.COL:TYPE",
            description = "Add a NOT NULL column without a long lock; needs --default.")
    String addRequiredColumn;

    @Option(names = "--default", paramLabel = "EXPR", description = {"--add-required-column: the column's default.",
            "--autogenerate: the one-off value existing rows get for a required column schema/ adds without a default"
                    + " (TABLE.COL=EXPR for one column; repeatable)."})
    List<String> defaults = new ArrayList<>();

    @Option(names = "--drop-column", paramLabel = "TABLE.COL", description = "Drop a column (a contract migration).")
    String dropColumn;

    @Option(names = "--drop-table", paramLabel = "TABLE", description = "Drop a table (a contract migration).")
    String dropTable;

    @Option(names = "--autogenerate", description = {"Compare the migrations' head with the desired schema in"
            + " schema/*.sql and write the migrations between them (expand, and contract for what is dropped or"
            + " narrowed); nothing when they agree.",
            "--rename-column, --rename-table and --change-type are then hints that a drop and an add are one object."})
    boolean autogenerate;

    @Override
    int run(Session session, Stepwise stepwise) {
        if (autogenerate) {
            return autogenerate(session, stepwise);
        }
        if (defaults.size() > 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--default is given " + defaults.size() + " times; --add-required-column takes one");
        }
        if (renameColumns.size() > 1 || renameTables.size() > 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a generator makes one change:"
                    + " give --rename-column or --rename-table once (more than one is a hint list for --autogenerate)");
        }
        String defaultValue = defaults.isEmpty() ? null : defaults.get(0);
        String renameColumn = renameColumns.isEmpty() ? null : renameColumns.get(0);
        String renameTable = renameTables.isEmpty() ? null : renameTables.get(0);
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

    private int autogenerate(Session session, Stepwise stepwise) {
        if (phase != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--phase does not go with"
                    + " --autogenerate: it writes an expand migration and, for what is dropped or narrowed, a contract one");
        }
        if (addRequiredColumn != null || dropColumn != null || dropTable != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--add-required-column, --drop-column"
                    + " and --drop-table do not go with --autogenerate: schema/ says what is added and dropped");
        }
        // hints in the order given by kind: tables renamed first, so a column hint may name the new table
        List<GeneratorRequest> hints = new ArrayList<>();
        renameTables.forEach(t -> hints.add(new GeneratorOptions(null, null, null, null, t, null, null, null, null)
                .request()));
        renameColumns.forEach(c -> hints.add(new GeneratorOptions(c, null, null, null, null, null, null, null, null)
                .request()));
        if (changeType != null || using != null || reverse != null) {
            hints.add(new GeneratorOptions(null, changeType, using, reverse, null, null, null, null, null).request());
        }
        AutogenerateCommand.Result result = stepwise.autogenerate(new AutogenerateCommand.Request(message, head,
                branchLabel, dependsOn, defaults, hints));
        if (session.json()) {
            session.printJson(result);
            return Failures.OK;
        }
        if (result.noChanges()) {
            session.println("no changes: schema/ and the migrations agree, nothing written");
        }
        result.changes().forEach(l -> session.println(l.toString()));
        result.notes().forEach(n -> session.println("note: " + n));
        AutogenerateLines.unsafe(result.unsafe()).forEach(session::println);
        result.files().forEach(f -> session.println("created " + f));
        return Failures.OK;
    }
}
