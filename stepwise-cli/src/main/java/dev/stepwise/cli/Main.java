package dev.stepwise.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code stepwise} command: parses arguments, calls the Java API, prints. Exit codes: 0
 * success, 1 the operation failed or found problems, 2 bad usage, configuration or input files.
 */
@Command(name = "stepwise", mixinStandardHelpOptions = true, versionProvider = VersionInfo.class,
        description = "Safe schema migrations for live PostgreSQL databases.",
        subcommands = {
                InitCli.class, RevisionCli.class, UpgradeCli.class, DowngradeCli.class, CurrentCli.class,
                HistoryCli.class, HeadsCli.class, BranchesCli.class, ShowCli.class, MergeCli.class, StampCli.class,
                CheckCli.class, StatusCli.class, ValidateCli.class, RepairCli.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    final GlobalSettings settings = new GlobalSettings();

    @CommandLine.Mixin
    GlobalOptions globalOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see stepwise --help)");
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv()));
    }

    /** Runs one command line; returns the exit code. Used by tests as well as by {@link #main}. */
    public static int execute(String[] args, PrintWriter out, PrintWriter err, java.util.Map<String, String> env) {
        Main main = new Main();
        main.settings.environment = env;
        main.settings.out = out;
        main.settings.err = err;
        CommandLine cli = new CommandLine(main);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new Failures(main.settings));
        cli.setParameterExceptionHandler(Failures::usage);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
