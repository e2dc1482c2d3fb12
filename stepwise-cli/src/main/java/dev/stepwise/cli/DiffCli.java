package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.DiffCommand;
import dev.stepwise.sql.ExecutionMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code diff --from X --to Y}: the SQL from one schema to another, like migra. */
@Command(name = "diff", description = {"Print the SQL that turns the schema of --from into that of --to, each change"
        + " the safe way.",
        "Each side is a database URL (jdbc:postgresql://..., postgresql://...), a directory of .sql files, or a"
                + " migrations directory at a revision (migrations@head, migrations@REV, migrations@base)."})
final class DiffCli extends ApiCommand {

    @Option(names = "--from", paramLabel = "SOURCE", required = true, description = "The schema to start from.")
    String from;

    @Option(names = "--to", paramLabel = "SOURCE", required = true, description = "The schema to reach.")
    String to;

    @Option(names = "--verbose", description = "Also list the notes and the objects no model describes, on both sides.")
    boolean verbose;

    @Override
    int run(Session session, Stepwise stepwise) {
        DiffCommand.Result result = stepwise.diff(from, to);
        if (session.json()) {
            session.printJson(result);
            return Failures.OK;
        }
        session.println("-- Stepwise diff from " + result.from() + " to " + result.to() + ": "
                + result.changes().size() + " change(s)");
        for (DiffCommand.Change c : result.changes()) {
            session.println("");
            session.println("-- " + c.line() + (c.destructive() ? " (destructive: a contract migration's)" : ""));
            for (DiffCommand.Statement s : c.statements()) {
                if (s.mode() == ExecutionMode.AUTOCOMMIT) {
                    session.println("-- outside a transaction");
                } else if (s.mode() == ExecutionMode.OWN_TRANSACTION) {
                    session.println("-- in a transaction of its own");
                }
                session.println(s.sql() + ";");
            }
        }
        if (verbose) {
            session.println("");
            result.notes().forEach(n -> session.println("-- note: " + n));
            result.unmodelledFrom().forEach(u -> session.println("-- not modelled, in " + result.from() + ": "
                    + u.kind() + " " + u.identity()));
            result.unmodelledTo().forEach(u -> session.println("-- not modelled, in " + result.to() + ": "
                    + u.kind() + " " + u.identity()));
        } else if (!result.notes().isEmpty()) {
            session.note(result.notes().size() + " note(s) on what the diff does not change: see --verbose");
        }
        return Failures.OK;
    }
}
