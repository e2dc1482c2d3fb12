package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code merge -m MSG REV...}: join heads with a merge revision. */
@Command(name = "merge", description = "Create a merge revision joining REV... (default: all heads).")
final class MergeCli implements Callable<Integer> {

    @Mixin
    GlobalOptions globalOptions;

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--message"}, paramLabel = "MSG", description = "Message of the merge revision.")
    String message;

    @Parameters(paramLabel = "REV", arity = "0..*", description = "Revisions to join, or heads.")
    List<String> revisions = new ArrayList<>();

    @Override
    public Integer call() {
        Session session = Session.of(spec);
        try (Stepwise stepwise = session.open()) {
            Path file = stepwise.merge(message, revisions);
            session.println("created " + file);
            return Failures.OK;
        }
    }
}
