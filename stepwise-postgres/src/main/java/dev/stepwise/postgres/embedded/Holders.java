package dev.stepwise.postgres.embedded;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reference count of a shared server, kept as one file per holder in a directory, named
 * {@code <pid>-<n>} and holding the process's start time.
 *
 * <p>A count in a single file would be left too high forever by a holder killed with
 * {@code kill -9}; a file per holder lets every open and close drop the holders whose process
 * is gone (or whose pid now belongs to a process started later), so the last live holder still
 * stops the server. Callers hold the state directory's lock.
 */
final class Holders {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** How far apart two processes may see one process's start time (the boot time's rounding and drift). */
    static final long SAME_START_MILLIS = 2_000;

    private final Path directory;

    Holders(Path directory) {
        this.directory = directory;
    }

    /** Records this process as a holder; returns its entry, to pass to {@link #remove}. */
    Path add() {
        ProcessHandle self = ProcessHandle.current();
        Path entry = directory.resolve(self.pid() + "-" + SEQUENCE.incrementAndGet());
        try {
            Files.createDirectories(directory);
            Files.writeString(entry, startTime(self).map(i -> Long.toString(i.toEpochMilli())).orElse(""));
            return entry;
        } catch (IOException e) {
            throw new EmbeddedServerFailed("could not register this process in " + directory, e);
        }
    }

    void remove(Path entry) {
        try {
            Files.deleteIfExists(entry);
        } catch (IOException e) {
            throw new EmbeddedServerFailed("could not deregister this process from " + directory, e);
        }
    }

    /** Deletes the entries of dead processes; returns the live ones. */
    List<Path> pruneDead() {
        List<Path> live = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return live;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                if (isAlive(entry)) {
                    live.add(entry);
                } else {
                    Files.deleteIfExists(entry);
                }
            }
        } catch (IOException e) {
            throw new EmbeddedServerFailed("could not read the holders in " + directory, e);
        }
        return live;
    }

    private static boolean isAlive(Path entry) throws IOException {
        String name = entry.getFileName().toString();
        int dash = name.indexOf('-');
        long pid;
        try {
            pid = Long.parseLong(dash < 0 ? name : name.substring(0, dash));
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        String recorded;
        try {
            recorded = Files.readString(entry).trim();
        } catch (NoSuchFileException e) {
            return false;
        }
        Optional<Instant> started = startTime(process.get());
        if (recorded.isEmpty() || started.isEmpty()) {
            return true;
        }
        long written;
        try {
            written = Long.parseLong(recorded);
        } catch (NumberFormatException e) {
            return false;
        }
        // a pid reused by a later process is not the holder that wrote the entry; but two processes
        // may see one process's start a second apart: the JDK adds the start's ticks to the boot
        // time each process reads once from /proc/stat, whole seconds that drift with the clock
        return Math.abs(started.get().toEpochMilli() - written) <= SAME_START_MILLIS;
    }

    private static Optional<Instant> startTime(ProcessHandle process) {
        return process.info().startInstant();
    }
}
