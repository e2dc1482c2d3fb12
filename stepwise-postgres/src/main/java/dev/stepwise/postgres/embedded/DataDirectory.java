package dev.stepwise.postgres.embedded;

import dev.stepwise.StepwiseException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The kept data directory of the embedded server, named by PostgreSQL major version
 * ({@code .stepwise/pg17}) because a major version cannot open another's data files.
 *
 * <p>A new directory is prepared completely under a scratch name ({@code initdb}, then the
 * {@value #DATABASE} database created in single-user mode, which needs no port) and renamed
 * into place, so a process killed half-way never leaves a directory that looks ready.
 */
final class DataDirectory {

    /** The database Stepwise connects to, kept apart from the {@code postgres} maintenance database. */
    static final String DATABASE = "stepwise";
    /** The superuser initdb creates; authentication is {@code trust} for loopback connections only. */
    static final String SUPERUSER = "postgres";

    private final Path path;
    private final String majorVersion;

    DataDirectory(Path stateDirectory, String majorVersion) {
        this.path = stateDirectory.resolve("pg" + majorVersion);
        this.majorVersion = majorVersion;
    }

    Path path() {
        return path;
    }

    /** Checks an existing directory against the binaries, or creates it; returns whether it was created. */
    boolean prepare(PostgresTools tools) {
        if (!isEmpty()) {
            check(tools.binaries().version());
            return false;
        }
        initialise(tools);
        return true;
    }

    private void check(String binariesVersion) {
        Path versionFile = path.resolve("PG_VERSION");
        if (!Files.isRegularFile(versionFile)) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, path
                    + " is not a PostgreSQL data directory (it has no PG_VERSION): move or delete it");
        }
        String dataVersion;
        try {
            dataVersion = Files.readString(versionFile).trim();
        } catch (IOException e) {
            throw new EmbeddedServerFailed("could not read " + versionFile, e);
        }
        if (!dataVersion.equals(majorVersion)) {
            throw new DataDirectoryVersionMismatch(path, dataVersion, binariesVersion);
        }
    }

    private boolean isEmpty() {
        if (!Files.isDirectory(path)) {
            return true;
        }
        try (Stream<Path> children = Files.list(path)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            throw new EmbeddedServerFailed("could not read " + path, e);
        }
    }

    private void initialise(PostgresTools tools) {
        Path scratch = path.resolveSibling(path.getFileName() + ".initialising");
        try {
            PostgresBinaries.deleteTree(scratch);
            // C locale and UTF8 whatever the machine's locale is: the same catalog on every machine
            tools.run("initdb", List.of("-D", scratch.toString(), "-A", "trust", "-U", SUPERUSER,
                    "-E", "UTF8", "--locale=C"), "", null);
            String output = tools.run("postgres", List.of("--single", "-D", scratch.toString(), "postgres"),
                    "CREATE DATABASE " + DATABASE + ";\n", null);
            // single-user mode reports a failed statement but still exits 0
            if (output.contains("ERROR:")) {
                throw new EmbeddedServerFailed("could not create database " + DATABASE + " in " + scratch + ": " + output.trim());
            }
            Files.deleteIfExists(path);
            Files.move(scratch, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new EmbeddedServerFailed("could not initialise the embedded PostgreSQL data directory " + path, e);
        }
    }
}
