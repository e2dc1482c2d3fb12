package dev.stepwise.cli;

import dev.stepwise.Stepwise;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * A subcommand that calls the Java API: it takes the global options, opens a {@link Stepwise}
 * from them (closing it, and with it any embedded server, when done) and returns an exit code.
 */
abstract class ApiCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions globalOptions;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        Session session = Session.of(spec);
        try (Stepwise stepwise = session.open()) {
            return run(session, stepwise);
        }
    }

    /** Does the command's work; returns the exit code. */
    abstract int run(Session session, Stepwise stepwise);
}
