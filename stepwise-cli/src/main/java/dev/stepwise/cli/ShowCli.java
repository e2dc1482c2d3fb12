package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.RevisionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code show REV}: one revision in full. */
@Command(name = "show", description = "Show one revision.")
final class ShowCli implements Callable<Integer> {

    @Mixin
    GlobalOptions globalOptions;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REV", description = "A revision, prefix, head or label@head.")
    String revision;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        try (Stepwise stepwise = session.open()) {
            RevisionView view = stepwise.show(revision);
            if (session.json()) {
                session.printJson(view);
            } else {
                RevisionText.printVerbose(session, view);
            }
            return Failures.OK;
        }
    }
}
