package dev.stepwise.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/**
 * Options accepted before or after the command name ({@code stepwise --url U upgrade head} and
 * {@code stepwise upgrade head --url U} are the same): mixed into every command, each setter
 * writes into the one {@link GlobalSettings} of the root command.
 */
final class GlobalOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private GlobalSettings settings() {
        return ((Main) mixee.root().userObject()).settings;
    }

    @Option(names = "-C", paramLabel = "DIR", description = "Run as if started in DIR.")
    void directory(Path directory) {
        settings().directory = directory;
    }

    @Option(names = "--url", paramLabel = "URL",
            description = "Database URL: jdbc:postgresql://host/db or postgresql://user@host/db. Default: embedded PostgreSQL.")
    void url(String url) {
        settings().url = url;
    }

    @Option(names = "--user", paramLabel = "USER", description = "Database user.")
    void user(String user) {
        settings().user = user;
    }

    @Option(names = "--password", paramLabel = "PASSWORD", description = "Database password (prefer STEPWISE_PASSWORD).")
    void password(String password) {
        settings().password = password;
    }

    @Option(names = "--schema", paramLabel = "SCHEMA", description = "Schema of Stepwise's version tables.")
    void schema(String schema) {
        settings().schema = schema;
    }

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Output: text (default) or json; lint also sarif or github, test also markdown.")
    void format(String format) {
        settings().format = switch (format) {
            case "text" -> GlobalSettings.Format.TEXT;
            case "json" -> GlobalSettings.Format.JSON;
            case "sarif" -> GlobalSettings.Format.SARIF;
            case "github" -> GlobalSettings.Format.GITHUB;
            case "markdown" -> GlobalSettings.Format.MARKDOWN;
            default -> throw new picocli.CommandLine.ParameterException(mixee.commandLine(),
                    "--format must be text, json, sarif, github (these two for lint) or markdown (for test), not '" + format + "'");
        };
    }

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--debug", description = "Show stack traces of errors.")
    void debug(boolean debug) {
        settings().debug = debug;
    }
}
