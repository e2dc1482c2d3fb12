package dev.stepwise.it;

import dev.stepwise.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** One in-process run of the {@code stepwise} command: its exit code and both output streams. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The line of stderr that starts with {@code error:}. */
    public String errorLine() {
        return err.lines().filter(l -> l.startsWith("error:")).findFirst()
                .orElseThrow(() -> new AssertionError("no error line in\n" + this));
    }

    /** The error line, or when there is none the whole output: for reports that must say something either way. */
    public String errorLineOrOutput() {
        return err.lines().filter(l -> l.startsWith("error:")).findFirst().orElse("no error line in " + this);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
}
