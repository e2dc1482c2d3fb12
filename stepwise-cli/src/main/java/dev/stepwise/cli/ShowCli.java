package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.RevisionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;


/** {@code show REV}: one revision in full. */
@Command(name = "show", description = "Show one revision.")
final class ShowCli extends ApiCommand {

    @Parameters(index = "0", paramLabel = "REV", description = "A revision, prefix, head or label@head.")
    String revision;

    @Override
    int run(Session session, Stepwise stepwise) {
        RevisionView view = stepwise.show(revision);
        if (session.json()) {
            session.printJson(view);
        } else {
            RevisionText.printVerbose(session, view);
        }
        return Failures.OK;
    }
}
