package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.BaselineCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code baseline -m MSG}: the first revision of a project adopting an existing database. */
@Command(name = "baseline", description = {"Write the first revision from an existing database's live schema (--url),"
        + " for a project adopting Stepwise; then stamp that database with it.",
        "Refused when the project has migrations already."})
final class BaselineCli extends ApiCommand {

    @Option(names = {"-m", "--message"}, paramLabel = "MSG", required = true, description = "The revision's message.")
    String message;

    @Override
    int run(Session session, Stepwise stepwise) {
        BaselineCommand.Result result = stepwise.baseline(message);
        if (session.json()) {
            session.printJson(result);
            return Failures.OK;
        }
        result.changes().forEach(l -> session.println(l.toString()));
        result.notes().forEach(n -> session.println("note: " + n));
        AutogenerateLines.unsafe(result.unsafe()).forEach(session::println);
        session.println("created " + result.file());
        session.println("next: `stepwise stamp " + result.revision() + "` on that database (it has this schema"
                + " already); new databases get it from `stepwise upgrade`");
        return Failures.OK;
    }
}
