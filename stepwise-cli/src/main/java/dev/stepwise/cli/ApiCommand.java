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
        GlobalSettings.Format format = session.settings.format;
        if ((format == GlobalSettings.Format.SARIF || format == GlobalSettings.Format.GITHUB)
                && !spec.name().equals("lint")) {
            // the option may come before the command name, so it is checked once the command is known
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format "
                    + format.name().toLowerCase(java.util.Locale.ROOT) + " is for lint; " + spec.name()
                    + " prints text or json");
        }
        if (format == GlobalSettings.Format.MARKDOWN && !spec.name().equals("test")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format markdown is for test; "
                    + spec.name() + " prints text or json");
        }
        try (Stepwise stepwise = session.open()) {
            return run(session, stepwise);
        }
    }

    /** Does the command's work; returns the exit code. */
    abstract int run(Session session, Stepwise stepwise);
}
