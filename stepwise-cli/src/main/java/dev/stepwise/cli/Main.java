package dev.stepwise.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;

/**
 * The {@code stepwise} command: parses arguments, calls the Java API, prints. Exit codes: 0
 * success, 1 the operation failed or found problems, 2 bad usage, configuration or input files.
 */
@Command(name = "stepwise", versionProvider = VersionInfo.class,
        description = "Safe schema migrations for live PostgreSQL databases.")
public final class Main implements Runnable {

    /** Every subcommand, in the order help lists them: the one list a new command is added to. */
    static final List<Class<?>> COMMANDS = List.of(
            InitCli.class, RevisionCli.class, UpgradeCli.class, DowngradeCli.class, CurrentCli.class,
            HistoryCli.class, HeadsCli.class, BranchesCli.class, ShowCli.class, MergeCli.class, StampCli.class,
            CheckCli.class, DiffCli.class, DriftCli.class, BaselineCli.class, StatusCli.class, LintCli.class, PlanCli.class, CompatCli.class, TestCli.class, ValidateCli.class, RepairCli.class, CommandLine.HelpCommand.class);

    /** Global options that take a value, so the command word can be found without parsing. */
    private static final Set<String> OPTIONS_WITH_VALUES = Set.of("-C", "--url", "--user", "--password", "--schema",
            "--format");

    final GlobalSettings settings = new GlobalSettings();

    @CommandLine.Mixin
    GlobalOptions globalOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    // -h/--help comes with the global options, so every command has it too
    @CommandLine.Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

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
        addSubcommands(cli, args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new Failures(main.settings));
        cli.setParameterExceptionHandler(Failures::usage);
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Registers only the command the line names, when it names one: building every subcommand's
     * model costs picocli about a tenth of a second, a quarter of a short command's whole run.
     * Help, an unknown word or no command at all get every subcommand, for listings and suggestions.
     */
    private static void addSubcommands(CommandLine cli, String[] args) {
        String word = commandWord(args);
        for (Class<?> command : COMMANDS) {
            String name = command.getAnnotation(Command.class).name();
            if (word == null || word.equals(name) || !isCommand(word)) {
                cli.addSubcommand(name, command);
            }
        }
    }

    private static boolean isCommand(String word) {
        return !word.equals("help") && COMMANDS.stream().anyMatch(c -> c.getAnnotation(Command.class).name().equals(word));
    }

    private static String commandWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                return arg;
            }
            if (OPTIONS_WITH_VALUES.contains(arg)) {
                i++;
            }
        }
        return null;
    }
}
