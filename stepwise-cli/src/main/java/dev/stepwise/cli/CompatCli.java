package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.CompatCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/** {@code compat --queries FILE}: whether the running code's statements survive the pending expand migrations; exit 1 when one does not. */
@Command(name = "compat", description = {"Check the running code's SQL statements against the pending expand migrations.",
        "Each statement is described (parameter and result types, never run) on the current schema and again after"
                + " what upgrade --phase expand would apply."})
final class CompatCli extends ApiCommand {

    @Option(names = "--queries", paramLabel = "FILE", required = true,
            description = "The statements, separated by ';' (? or $1 placeholders), e.g. an export of pg_stat_statements.")
    Path queries;

    @Parameters(index = "0", arity = "0..1", paramLabel = "TARGET",
            description = "The upgrade target whose pending expand migrations count: head (default), a revision, ...")
    String target = "head";

    @Override
    int run(Session session, Stepwise stepwise) {
        // read against -C DIR, printed as the user wrote it (as lint does)
        CompatCommand.Report report = stepwise.compat(new CompatCommand.Request(
                session.settings.directory.resolve(queries), queries.toString(), target));
        report.notices().forEach(n -> session.note("note: " + n));
        if (session.json()) {
            session.printJson(report);
        } else {
            CompatLines.render(report).forEach(session::println);
        }
        return report.hasFailures() ? Failures.FAILED : Failures.OK;
    }
}
