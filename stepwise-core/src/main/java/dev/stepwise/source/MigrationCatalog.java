package dev.stepwise.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /** Up to this size a file is read into memory once, to hash and parse it; a larger one is streamed twice. */
    static final long READ_WHOLE_BYTES = 1024 * 1024;

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
        return load(directory, javaMigrations, null);
    }

    /**
     * As {@link #load(Path, List)}, remembering what checking each file found in {@code cacheFile}
     * (see {@link ParsedFileCache}); null for no cache.
     */
    public static MigrationCatalog load(Path directory, List<JavaCodedMigration> javaMigrations, Path cacheFile) {
        MigrationFileParser parser = new MigrationFileParser();
        ParsedFileCache cache = ParsedFileCache.open(cacheFile);
        List<Object> parsed = sqlFiles(directory).parallelStream().map(found -> {
            Path file = found.path();
            try {
                // a large file (a data migration) is hashed and parsed as a stream, never held whole
                byte[] content = found.size() <= READ_WHOLE_BYTES ? read(file) : null;
                String digest = content != null ? sha256(content) : sha256(file);
                SqlMigration known = cache.find(file, digest);
                if (known != null) {
                    return (Object) known;
                }
                // A hit had a good name when it was checked; a miss is checked by name first, so a
                // misnamed file is reported as such whatever its content.
                if (MigrationFileName.parse(file.getFileName().toString()).isEmpty()) {
                    throw new MigrationFileException(file, 0, "the file name does not match "
                            + MigrationFileName.pattern());
                }
                SqlMigration migration = content != null ? parser.parse(file, content) : parser.parse(file);
                cache.put(file, digest, migration);
                return migration;
            } catch (RuntimeException e) {
                return e;
            }
        }).toList();
        cache.save();
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

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MigrationFileException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static String sha256(byte[] content) {
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    private static String sha256(Path file) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new MigrationFileException(file, 0, "cannot be read: " + e.getMessage());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** A file of the walk, with the size the walk saw. */
    private record SqlFile(Path path, long size) {
    }

    private static List<SqlFile> sqlFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new MigrationFileException(directory, 0, "the migrations directory does not exist"
                    + " (run `stepwise init`, or point `-C`/`migrations` at it)");
        }
        Map<Path, Long> sizes = new ConcurrentHashMap<>();
        try (Stream<Path> paths = Files.find(directory, Integer.MAX_VALUE,
                // the walk's own attributes: no second stat per file
                (p, attributes) -> {
                    boolean sql = attributes.isRegularFile() && p.getFileName().toString().endsWith(".sql");
                    if (sql) {
                        sizes.put(p, attributes.size());
                    }
                    return sql;
                })) {
            return paths
                    .filter(p -> !isHidden(directory, p))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).thenComparing(Path::toString))
                    .map(p -> new SqlFile(p, sizes.get(p)))
                    .toList();
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
