package dev.stepwise.postgres.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts and stops the PostgreSQL server process on a data directory through {@code pg_ctl},
 * watching {@code postmaster.pid} every few milliseconds rather than {@code pg_ctl}'s own
 * tenth-of-a-second polling, since a warm start takes only some tens of milliseconds.
 *
 * <p>{@code pg_ctl} is used rather than running {@code postgres} directly because it detaches
 * the server into a session of its own: a Ctrl-C in the terminal of the process that happened
 * to start it must not stop a server other processes are using.
 */
final class Postmaster {

    static final String HOST = "127.0.0.1";
    private static final Duration POLL = Duration.ofMillis(5);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int START_ATTEMPTS = 3;
    private static final long LOG_LIMIT_BYTES = 10L << 20;
    private static final Pattern SEVERITY = Pattern.compile("\\b(?:LOG|WARNING|ERROR|FATAL|PANIC|DETAIL|HINT):.*");

    private final PostgresTools tools;
    private final Path dataDirectory;
    private final Path log;

    Postmaster(PostgresTools tools, Path dataDirectory, Path log) {
        this.tools = tools;
        this.dataDirectory = dataDirectory;
        this.log = log;
    }

    /** What {@code postmaster.pid} says now, if anything. */
    Optional<PostmasterPidFile> current() {
        return PostmasterPidFile.read(dataDirectory);
    }

    /**
     * Starts the server on a free loopback port and returns once it accepts connections. Retries
     * with another port when the chosen one was taken between choosing and binding it.
     */
    PostmasterPidFile start() {
        rotateLog();
        for (int attempt = 1; ; attempt++) {
            long logOffset = logSize();
            int port = freePort();
            Optional<PostmasterPidFile> started = attempt(port);
            if (started.isPresent()) {
                return started.get();
            }
            String said = logSince(logOffset);
            if (attempt < START_ATTEMPTS && said.contains("could not bind")) {
                continue;
            }
            throw new EmbeddedServerFailed("the embedded PostgreSQL server in " + dataDirectory
                    + " did not start: " + lastMessages(said), log);
        }
    }

    private Optional<PostmasterPidFile> attempt(int port) {
        // a postmaster.pid left by a killed server is the server's own to judge; ours is the new pid
        long previousPid = current().map(PostmasterPidFile::pid).orElse(-1L);
        String options = "-p " + port + " -c listen_addresses=" + HOST + " -c unix_socket_directories=''";
        // pg_ctl's own complaints go to the server log too, so a failure is explained in one place
        Process pgCtl = tools.start("pg_ctl", List.of("start", "-w", "-t", Long.toString(START_TIMEOUT.toSeconds()),
                "-D", dataDirectory.toString(), "-l", log.toString(), "-o", options),
                ProcessBuilder.Redirect.appendTo(log.toFile()));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<PostmasterPidFile> pidFile = current();
            if (pidFile.isPresent() && pidFile.get().pid() != previousPid && pidFile.get().ready()) {
                return pidFile;
            }
            if (!pgCtl.isAlive()) {
                if (pgCtl.exitValue() == 0) {
                    return current().filter(PostmasterPidFile::ready);
                }
                return Optional.empty();
            }
            pause(POLL);
        }
        pgCtl.destroy();
        return Optional.empty();
    }

    /**
     * Asks the server for a fast shutdown (open transactions are rolled back, sessions
     * disconnected) and returns as soon as the server has marked itself {@code stopping}, without
     * waiting for the shutdown checkpoint: whoever starts the server next waits for that instead.
     */
    void requestStop(PostmasterPidFile running) {
        try {
            tools.run("pg_ctl", List.of("stop", "-m", "fast", "-W", "-D", dataDirectory.toString()), "", log);
        } catch (EmbeddedServerFailed e) {
            if (running.processAlive()) {
                throw e;
            }
            // it went away by itself between our look and pg_ctl's: stopped is what we wanted
            return;
        }
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<PostmasterPidFile> now = current();
            if (now.isEmpty() || now.get().pid() != running.pid() || now.get().stopping() || !running.processAlive()) {
                return;
            }
            pause(POLL);
        }
        throw new EmbeddedServerFailed("the embedded PostgreSQL server (pid " + running.pid() + ") ignored the stop request", log);
    }

    /**
     * Waits until a server that is neither ready nor gone becomes one or the other: a stopping
     * one until its process ends, a starting one (its starter died, or it is recovering) until
     * its status changes.
     */
    void awaitSettled(PostmasterPidFile seen) {
        if (seen.stopping()) {
            awaitExit(seen);
            return;
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<PostmasterPidFile> now = current();
            if (now.isEmpty() || !now.get().equals(seen) || !seen.processAlive()) {
                return;
            }
            pause(POLL);
        }
        throw new EmbeddedServerFailed("the embedded PostgreSQL server (pid " + seen.pid() + ") has been '"
                + seen.status() + "' for " + START_TIMEOUT.toSeconds() + " s", log);
    }

    private void awaitExit(PostmasterPidFile stopping) {
        // polled rather than ProcessHandle.onExit(), which checks a process that is not our child
        // only every 300 ms or more
        long deadline = System.nanoTime() + STOP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<PostmasterPidFile> now = current();
            // the server deletes postmaster.pid as the last thing before it exits
            if (now.isEmpty() || now.get().pid() != stopping.pid() || !stopping.processAlive()) {
                return;
            }
            pause(POLL);
        }
        throw new EmbeddedServerFailed("the embedded PostgreSQL server (pid " + stopping.pid()
                + ") is still shutting down after " + STOP_TIMEOUT.toSeconds() + " s", log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedServerFailed("could not find a free port on " + HOST, e);
        }
    }

    /** Keeps the log from growing forever: past its limit it becomes {@code <log>.old} at the next start. */
    private void rotateLog() {
        if (logSize() > LOG_LIMIT_BYTES) {
            try {
                Files.move(log, log.resolveSibling(log.getFileName() + ".old"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new EmbeddedServerFailed("could not rotate the server log " + log, e);
            }
        }
    }

    private long logSize() {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String logSince(long offset) {
        if (!Files.exists(log)) {
            return "";
        }
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(offset, Files.size(log)));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * The server's last few messages (severity and text, without timestamps), where the reason
     * for a failed start is; {@code pg_ctl}'s own last lines when the server said nothing.
     */
    static String lastMessages(String said) {
        List<String> messages = said.lines()
                .map(line -> SEVERITY.matcher(line))
                .filter(Matcher::find)
                .map(m -> m.group().strip())
                .toList();
        List<String> lines = messages.isEmpty() ? said.strip().lines().filter(l -> !l.isBlank()).toList() : messages;
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedServerFailed("interrupted while waiting for the embedded PostgreSQL server", e);
        }
    }
}
