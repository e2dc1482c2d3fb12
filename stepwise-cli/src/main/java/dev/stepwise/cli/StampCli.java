package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;


/** {@code stamp REV}: set the version table without running migrations. */
@Command(name = "stamp", description = "Set the database's revision without running migrations.")
final class StampCli extends ApiCommand {

    @Parameters(index = "0", paramLabel = "REV", description = "A revision, head, heads or base.")
    String target;

    @Override
    int run(Session session, Stepwise stepwise) {
        RunOutput.print(session, stepwise.stamp(target), "stamp");
        return Failures.OK;
    }
}
