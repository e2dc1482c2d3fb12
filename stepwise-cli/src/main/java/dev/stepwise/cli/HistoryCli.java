package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.RevisionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code history [-r A:B] [--verbose]}: the revisions, newest first. */
@Command(name = "history", description = "List revisions, newest first.")
final class HistoryCli implements Callable<Integer> {

    @Mixin
    GlobalOptions globalOptions;

    @Spec
    CommandSpec spec;

    @Option(names = {"-r", "--rev-range"}, paramLabel = "A:B", description = "Only revisions from A to B.")
    String range;

    @Option(names = {"-v", "--verbose"}, description = "Show every field of each revision.")
    boolean verbose;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        try (Stepwise stepwise = session.open()) {
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
}
