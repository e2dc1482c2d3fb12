package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.DiffCommand;
import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.SqlComment;
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
        SqlComment.lines("Stepwise diff from " + result.from() + " to " + result.to() + ": "
                + result.changes().size() + " change(s)").forEach(session::println);
        for (DiffCommand.Change c : result.changes()) {
            session.println("");
            // a change line names objects, and a name may hold a line break: each line a comment of its own
            SqlComment.lines(c.line() + (c.destructive() ? " (destructive: a contract migration's)" : ""))
                    .forEach(session::println);
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
            result.notes().forEach(n -> SqlComment.lines("note: " + n).forEach(session::println));
            result.unmodelledFrom().forEach(u -> SqlComment.lines("not modelled, in " + result.from() + ": "
                    + u.kind() + " " + u.identity()).forEach(session::println));
            result.unmodelledTo().forEach(u -> SqlComment.lines("not modelled, in " + result.to() + ": "
                    + u.kind() + " " + u.identity()).forEach(session::println));
        } else if (!result.notes().isEmpty()) {
            session.note(result.notes().size() + " note(s) on what the diff does not change: see --verbose");
        }
        return Failures.OK;
    }
}
