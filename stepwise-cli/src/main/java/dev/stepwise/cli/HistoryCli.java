package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.RevisionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code history [-r A:B] [--verbose]}: the revisions, newest first. */
@Command(name = "history", description = "List revisions, newest first.")
final class HistoryCli extends ApiCommand {

    @Option(names = {"-r", "--rev-range"}, paramLabel = "A:B", description = "Only revisions from A to B.")
    String range;

    @Option(names = {"-v", "--verbose"}, description = "Show every field of each revision.")
    boolean verbose;

    @Override
    int run(Session session, Stepwise stepwise) {
        List<RevisionView> views = stepwise.history(range);
        if (session.json()) {
            session.printJson(views);
        } else if (verbose) {
            views.forEach(v -> RevisionText.printVerbose(session, v));
        } else {
            views.forEach(v -> session.println(RevisionText.line(v)));
        }
        return Failures.OK;
    }
}
