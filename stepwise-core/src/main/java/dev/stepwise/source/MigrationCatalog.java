package dev.stepwise.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every migration of a project, each checked in full: the SQL files of the migrations
 * directory and the Java-coded migrations found on the class path. Every command loads the
 * catalog, so a broken file is reported whatever the command.
 *
 * <p>The directory is read recursively (teams group migrations by release or by team), hidden
 * files and directories (a leading {@code .}) are skipped, and files that do not end in
 * {@code .sql} are ignored, so a README can live next to the migrations. Files are ordered by
 * file name, which is by creation time, wherever they are in the tree. Two migrations with one
 * revision are both kept: reporting them is the revision graph's job.
 */
public final class MigrationCatalog {

    private final List<Migration> migrations;
    private final Map<String, Migration> byRevision = new LinkedHashMap<>();

    private MigrationCatalog(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
        for (Migration migration : this.migrations) {
            byRevision.putIfAbsent(migration.revision(), migration);
        }
    }

    /**
     * Loads and checks every SQL file under {@code directory}, then adds the Java migrations.
     *
     * <p>Files are parsed in parallel (every command reads every file, so this is on the path
     * of {@code status} and {@code current}), but the outcome does not depend on it: results
     * keep file order, and of several broken files the first in file order is reported.
     */
    public static MigrationCatalog load(Path directory, List<JavaCodedMigration> javaMigrations) {
        MigrationFileParser parser = new MigrationFileParser();
        List<Object> parsed = sqlFiles(directory).parallelStream().map(file -> {
            try {
                return (Object) parser.parse(file);
            } catch (RuntimeException e) {
                return e;
            }
        }).toList();
        List<Migration> migrations = new ArrayList<>();
        for (Object result : parsed) {
            if (result instanceof RuntimeException e) {
                throw e;
            }
            migrations.add((Migration) result);
        }
        migrations.addAll(javaMigrations);
        return new MigrationCatalog(migrations);
    }

    /** Only SQL files. */
    public static MigrationCatalog load(Path directory) {
        return load(directory, List.of());
    }

    /** Every migration: SQL files in file-name order, then Java migrations. */
    public List<Migration> migrations() {
        return migrations;
    }

    /** The migration of a revision; with duplicates (an error the graph reports), the first. */
    public Optional<Migration> find(String revision) {
        return Optional.ofNullable(byRevision.get(revision));
    }

    private static List<Path> sqlFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new MigrationFileException(directory, 0, "the migrations directory does not exist"
                    + " (run `stepwise init`, or point `-C`/`migrations` at it)");
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            List<Path> files = paths
                    .filter(p -> !isHidden(directory, p))
                    .filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).thenComparing(Path::toString))
                    .toList();
            for (Path file : files) {
                if (MigrationFileName.parse(file.getFileName().toString()).isEmpty()) {
                    throw new MigrationFileException(file, 0, "the file name does not match "
                            + MigrationFileName.pattern());
                }
            }
            return files;
        } catch (IOException e) {
            throw new MigrationFileException(directory, 0, "cannot be read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new MigrationFileException(directory, 0, "cannot be read: " + e.getCause().getMessage());
        }
    }

    private static boolean isHidden(Path root, Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
