package dev.stepwise.postgres.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the PostgreSQL command-line tools ({@code initdb}, {@code pg_ctl}, {@code postgres}) of
 * the unpacked binaries.
 *
 * <p>PostgreSQL refuses to run as root. As zonky does, a root process runs the tools under
 * {@code unshare -U}: in a fresh user namespace the process appears as the overflow user, and
 * so do the root-owned data files, so PostgreSQL's ownership checks pass while the files stay
 * root's on disk and the process gains no privilege.
 */
final class PostgresTools {

    private static final boolean RUN_AS_ROOT = isRoot();

    private final PostgresBinaries binaries;

    PostgresTools(PostgresBinaries binaries) {
        this.binaries = binaries;
    }

    PostgresBinaries binaries() {
        return binaries;
    }

    /** The command line that runs {@code tool} with {@code arguments}. */
    List<String> command(String tool, List<String> arguments) {
        List<String> command = new ArrayList<>();
        if (RUN_AS_ROOT) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(binaries.tool(tool).toString());
        command.addAll(arguments);
        return command;
    }

    /** Starts {@code tool} with stdout and stderr merged into {@code output}. */
    Process start(String tool, List<String> arguments, ProcessBuilder.Redirect output) {
        List<String> command = command(tool, arguments);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
        } catch (IOException e) {
            String hint = RUN_AS_ROOT ? " (running as root needs util-linux's unshare and user namespaces)" : "";
            throw new EmbeddedServerFailed("could not run " + String.join(" ", command) + hint, e);
        }
    }

    /** Runs {@code tool} to completion, feeding it {@code input}; returns its output or fails with it. */
    String run(String tool, List<String> arguments, String input, Path log) {
        Process process = start(tool, arguments, ProcessBuilder.Redirect.PIPE);
        try {
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new EmbeddedServerFailed(tool + " did not finish within 2 minutes", log);
            }
            if (process.exitValue() != 0) {
                throw new EmbeddedServerFailed(tool + " failed with exit code " + process.exitValue() + ": " + output.trim(), log);
            }
            return output;
        } catch (IOException e) {
            throw new EmbeddedServerFailed("could not talk to " + tool, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new EmbeddedServerFailed("interrupted while running " + tool, e);
        }
    }

    private static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | UnsupportedOperationException e) {
            // not a Unix system, or a runtime without jdk.security.auth: judge by name
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
