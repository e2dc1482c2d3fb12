package dev.stepwise.cli;

import dev.stepwise.StepwiseException;
import dev.stepwise.config.Secrets;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * The one place where errors become exit codes and one clear line on stderr: bad input is 2, a
 * failed operation 1. Stack traces only with {@code --debug}; a known password never reaches output.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private final GlobalSettings settings;

    Failures(GlobalSettings settings) {
        this.settings = settings;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        int code = codeOf(e);
        String message = e instanceof StepwiseException ? e.getMessage()
                : (code == BAD_INPUT ? "" : "unexpected error: ") + e;
        PrintWriter err = cli.getErr();
        err.println("error: " + Secrets.scrub(message, settings.knownPassword()));
        if (settings.debug) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(Secrets.scrub(trace.toString(), settings.knownPassword()));
        } else if (!(e instanceof StepwiseException)) {
            err.println("(run with --debug for the stack trace)");
        }
        err.flush();
        return code;
    }

    static int codeOf(Throwable e) {
        if (e instanceof StepwiseException s) {
            return s.category() == StepwiseException.Category.BAD_INPUT ? BAD_INPUT : FAILED;
        }
        return FAILED;
    }

    /**
     * Bad command lines: the problem, a pointer to help, exit 2. The words picocli could not place
     * are not repeated: the one after a misspelt {@code --pasword} is the password.
     */
    static int usage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        boolean unknownCommand = e instanceof CommandLine.UnmatchedArgumentException unmatched
                && cli.getParent() == null && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-");
        cli.getErr().println("error: " + (unknownCommand
                ? "unknown command '" + Secrets.redactUrl(((CommandLine.UnmatchedArgumentException) e).getUnmatched().get(0)) + "'"
                : problem(e)));
        CommandLine.UnmatchedArgumentException.printSuggestions(e, cli.getErr());
        cli.getErr().println("(see `" + cli.getCommandSpec().qualifiedName() + " --help`)");
        cli.getErr().flush();
        return BAD_INPUT;
    }

    /** picocli's message, with each word it quotes from the line hidden unless it is an option's name. */
    private static String problem(CommandLine.ParameterException e) {
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched) {
            for (String word : unmatched.getUnmatched()) {
                message = message.replace("'" + word + "'", "'" + Secrets.commandLineWord(word) + "'");
            }
        }
        return Secrets.redactUrl(message);
    }
}
