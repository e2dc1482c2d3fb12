package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code merge -m MSG REV...}: join heads with a merge revision. */
@Command(name = "merge", description = "Create a merge revision joining REV... (default: all heads).")
final class MergeCli extends ApiCommand {

    @Option(names = {"-m", "--message"}, paramLabel = "MSG", description = "Message of the merge revision.")
    String message;

    @Parameters(paramLabel = "REV", arity = "0..*", description = "Revisions to join, or heads.")
    List<String> revisions = new ArrayList<>();

    @Override
    int run(Session session, Stepwise stepwise) {
        Path file = stepwise.merge(message, revisions);
        session.println("created " + file);
        return Failures.OK;
    }
}
