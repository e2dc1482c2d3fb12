package dev.stepwise.source.plain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Migrations written for other tools, read as a chain so that {@code stepwise lint} can judge a
 * project before it adopts Stepwise: each file's up (and down, where the tool has one) and the
 * order the tool would apply them in.
 *
 * <ul>
 *   <li>golang-migrate: {@code 000001_name.up.sql} with {@code 000001_name.down.sql};</li>
 *   <li>Flyway: {@code V1_2__name.sql} in version order, {@code U1_2__name.sql} as its down,
 *       repeatable {@code R__name.sql} after all versioned ones;</li>
 *   <li>goose ({@code -- +goose Up} / {@code -- +goose Down}) and dbmate
 *       ({@code -- migrate:up} / {@code -- migrate:down}) sections in one file;</li>
 *   <li>anything else: the whole file is the up, in the order of the number its name starts
 *       with (a timestamp or a sequence number), then by name.</li>
 * </ul>
 */
public final class PlainMigrationFiles {

    private static final Pattern GOLANG_MIGRATE = Pattern.compile("(\\d+)_(.+)\\.(up|down)\\.sql",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FLYWAY = Pattern.compile("([VUR])([\\d._]*)__(.+)\\.sql");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^[A-Za-z]?(\\d+(?:[._]\\d+)*)");

    /** One file's part of a migration: its lines from {@code fromLine} on (1-based), up to {@code toLine}. */
    public record Part(Path file, int fromLine, int toLine) {
    }

    /**
     * One migration of another tool.
     *
     * @param name a name for messages and the synthetic revision, from the file name
     * @param up   the parts that make its up, in order
     * @param down the parts that make its down, empty when it has none
     */
    public record PlainMigration(String name, Path file, List<Part> up, List<Part> down) {
    }

    private PlainMigrationFiles() {
    }

    /** Whether a directory holds SQL migrations of another tool rather than Stepwise files. */
    public static boolean isForeign(Path directory, java.util.function.Predicate<Path> stepwiseFile) {
        List<Path> sql = sqlFiles(directory);
        return !sql.isEmpty() && sql.stream().noneMatch(stepwiseFile);
    }

    /** The migrations of a directory (and its subdirectories), in the order their tool applies them. */
    public static List<PlainMigration> in(Path directory) {
        List<Keyed> keyed = new ArrayList<>();
        Map<String, Path[]> pairs = new LinkedHashMap<>();
        Map<String, Path> flywayUndo = new LinkedHashMap<>();
        for (Path file : sqlFiles(directory)) {
            String name = file.getFileName().toString();
            Matcher golang = GOLANG_MIGRATE.matcher(name);
            Matcher flyway = FLYWAY.matcher(name);
            if (golang.matches()) {
                String key = golang.group(1) + "_" + golang.group(2);
                Path[] pair = pairs.computeIfAbsent(key, k -> new Path[2]);
                pair[golang.group(3).equalsIgnoreCase("up") ? 0 : 1] = file;
            } else if (flyway.matches() && flyway.group(1).equals("U")) {
                flywayUndo.put(normalisedVersion(flyway.group(2)), file);
            } else if (flyway.matches() && flyway.group(1).equals("R")) {
                keyed.add(new Keyed(List.of(Long.MAX_VALUE), name, single(file)));
            } else {
                keyed.add(new Keyed(order(name), name, single(file)));
            }
        }
        pairs.forEach((key, pair) -> {
            if (pair[0] != null) {
                List<Part> down = pair[1] == null ? List.of() : List.of(whole(pair[1]));
                keyed.add(new Keyed(order(key), key, new PlainMigration(stem(pair[0]), pair[0],
                        List.of(whole(pair[0])), down)));
            }
        });
        List<PlainMigration> ordered = new ArrayList<>();
        keyed.stream().sorted(Comparator.<Keyed, List<Long>>comparing(Keyed::order, PlainMigrationFiles::compare)
                .thenComparing(Keyed::name)).forEach(k -> {
            PlainMigration m = k.migration();
            Matcher flyway = FLYWAY.matcher(m.file().getFileName().toString());
            Path undo = flyway.matches() && flyway.group(1).equals("V")
                    ? flywayUndo.get(normalisedVersion(flyway.group(2))) : null;
            ordered.add(undo == null || !m.down().isEmpty() ? m
                    : new PlainMigration(m.name(), m.file(), m.up(), List.of(whole(undo))));
        });
        return ordered;
    }

    private record Keyed(List<Long> order, String name, PlainMigration migration) {
    }

    /** A file of one section, or of goose's or dbmate's two. */
    private static PlainMigration single(Path file) {
        List<String> lines = lines(file);
        int upMarker = -1;
        int downMarker = -1;
        for (int i = 0; i < lines.size(); i++) {
            String marker = lines.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (marker.startsWith("-- +goose up") || marker.startsWith("-- migrate:up")) {
                upMarker = i + 1;
            } else if (marker.startsWith("-- +goose down") || marker.startsWith("-- migrate:down")) {
                downMarker = i + 1;
            }
        }
        if (upMarker < 0) {
            return new PlainMigration(stem(file), file, List.of(whole(file)), List.of());
        }
        int end = lines.size();
        if (downMarker > upMarker) {
            return new PlainMigration(stem(file), file, List.of(new Part(file, upMarker + 1, downMarker - 1)),
                    List.of(new Part(file, downMarker + 1, end)));
        }
        List<Part> down = downMarker < 0 ? List.of() : List.of(new Part(file, downMarker + 1, upMarker - 1));
        return new PlainMigration(stem(file), file, List.of(new Part(file, upMarker + 1, end)), down);
    }

    private static Part whole(Path file) {
        return new Part(file, 1, lines(file).size());
    }

    static List<String> lines(Path file) {
        try {
            return List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\r?\n", -1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".sql".length());
    }

    private static String normalisedVersion(String version) {
        return version.replace('_', '.').replaceAll("^0+(\\d)", "$1");
    }

    /** The numbers a name starts with ({@code V2_1__x} → 2, 1; {@code 20240101_x} → 20240101); none sort last. */
    static List<Long> order(String name) {
        Matcher m = LEADING_NUMBER.matcher(name);
        if (!m.find()) {
            return List.of(Long.MAX_VALUE - 1);
        }
        List<Long> parts = new ArrayList<>();
        for (String part : m.group(1).split("[._]")) {
            // a number too long for a long (a long timestamp) compares by its first 18 digits
            parts.add(Long.parseLong(part.length() > 18 ? part.substring(0, 18) : part));
        }
        return parts;
    }

    private static int compare(List<Long> a, List<Long> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            int d = Long.compare(i < a.size() ? a.get(i) : 0, i < b.size() ? b.get(i) : 0);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    private static List<Path> sqlFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql"))
                    .filter(p -> !hidden(directory.relativize(p)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The part's text, for callers that build a file from it. */
    static Optional<List<String>> text(Part part) {
        List<String> all = lines(part.file());
        if (part.fromLine() > part.toLine() || part.fromLine() > all.size()) {
            return Optional.empty();
        }
        return Optional.of(all.subList(part.fromLine() - 1, Math.min(part.toLine(), all.size())));
    }
}
