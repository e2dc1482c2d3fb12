package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code stamp REV}: set the version table without running migrations. */
@Command(name = "stamp", description = "Set the database's revision without running migrations.")
final class StampCli implements Callable<Integer> {

    @Mixin
    GlobalOptions globalOptions;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REV", description = "A revision, head, heads or base.")
    String target;

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        try (Stepwise stepwise = session.open()) {
            RunOutput.print(session, stepwise.stamp(target), "stamp");
            return Failures.OK;
        }
    }
}
