package dev.stepwise.postgres.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a data directory's {@code postmaster.pid} says about the server running on it: its
 * process, port and status ({@code starting}, {@code ready}, {@code stopping}).
 *
 * <p>The server writes this file itself (PostgreSQL 10+: line 1 pid, line 4 port, line 8
 * status), so it is how processes that join a running server learn its port, and a file left by
 * a killed server is recognised by its pid no longer being alive.
 */
record PostmasterPidFile(long pid, int port, String status) {

    static final String FILE_NAME = "postmaster.pid";

    /** The file's content, or empty when there is none or the server is still writing it. */
    static Optional<PostmasterPidFile> read(Path dataDirectory) {
        List<String> lines;
        try {
            lines = Files.readAllLines(dataDirectory.resolve(FILE_NAME));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new EmbeddedServerFailed("could not read " + dataDirectory.resolve(FILE_NAME), e);
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            int port = lines.size() > 3 && !lines.get(3).isBlank() ? Integer.parseInt(lines.get(3).trim()) : 0;
            String status = lines.size() > 7 ? lines.get(7).trim() : "";
            return Optional.of(new PostmasterPidFile(pid, port, status));
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            // caught mid-write: the server fills the file in several steps
            return Optional.empty();
        }
    }

    boolean ready() {
        return "ready".equals(status);
    }

    boolean stopping() {
        return "stopping".equals(status);
    }

    boolean processAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
