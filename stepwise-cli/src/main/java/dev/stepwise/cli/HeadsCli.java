package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import dev.stepwise.command.RevisionView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;

/** {@code heads [--one]}: the current heads of the migration files; {@code --one} is a CI guard. */
@Command(name = "heads", description = "Show the heads of the revision graph.")
final class HeadsCli extends ApiCommand {

    @Option(names = "--one", description = "Exit 1 when there is more than one head (a CI guard).")
    boolean one;

    @Override
    int run(Session session, Stepwise stepwise) {
        List<RevisionView> heads = stepwise.heads();
        if (session.json()) {
            session.printJson(heads);
        } else {
            heads.forEach(h -> session.println(RevisionText.head(h)));
        }
        if (one && heads.size() > 1) {
            session.note("error: " + heads.size() + " heads (" + String.join(", ",
                    heads.stream().map(RevisionView::revision).toList()) + "); join them with"
                    + " `stepwise merge -m \"merge heads\" heads`");
            return Failures.FAILED;
        }
        return Failures.OK;
    }
}
