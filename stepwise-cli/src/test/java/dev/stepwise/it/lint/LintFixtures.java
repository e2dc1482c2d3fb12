package dev.stepwise.it.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lint fixtures under {@code src/test/resources/lint/<rule-id>/}: {@code err-*.sql} must draw
 * a warning or error of that rule, {@code ok-*.sql} no warning or error of any rule, and each
 * err fixture's rendered findings are kept next to it as {@code err-*.txt}.
 *
 * <p>A fixture is a sequence of migrations separated by {@code -- ---} lines. A part without
 * {@code -- +up} is the setup (its statements become the up of a migration without a down);
 * the others are migration bodies (header keys, {@code -- +up}, {@code -- +down}) to which the
 * revision and down revision are added, so each part follows the one before it.
 */
record LintFixtures(Path root) {

    static final Path RESOURCES = Path.of("src", "test", "resources", "lint");

    /** One fixture file. */
    record Fixture(String rule, String name, Path file) {

        boolean expectsFinding() {
            return name.startsWith("err-");
        }

        Path snapshot() {
            return file.resolveSibling(name + ".txt");
        }

        @Override
        public String toString() {
            return rule + "/" + name;
        }
    }

    static List<Fixture> all() {
        try (Stream<Path> rules = Files.list(RESOURCES)) {
            List<Fixture> fixtures = new ArrayList<>();
            for (Path rule : rules.sorted().toList()) {
                try (Stream<Path> files = Files.list(rule)) {
                    files.filter(f -> f.toString().endsWith(".sql")).sorted().forEach(f -> {
                        String name = f.getFileName().toString().replaceFirst("\\.sql$", "");
                        fixtures.add(new Fixture(rule.getFileName().toString(), name, f));
                    });
                }
            }
            return fixtures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a fixture's migrations into a directory of their own; returns it. */
    static Path materialise(Fixture fixture, Path into) {
        try {
            String text = Files.readString(fixture.file(), StandardCharsets.UTF_8);
            String[] parts = text.split("(?m)^-- ---\\s*$\\n?");
            Path dir = Files.createDirectories(into.resolve(fixture.rule()).resolve(fixture.name()));
            String previous = "none";
            for (int i = 0; i < parts.length; i++) {
                String revision = String.format("%012x", i + 1);
                String body = parts[i].contains("-- +up") ? parts[i]
                        : "-- reversible: no\n\n-- +up\n" + parts[i] + "\n-- +down\n";
                String file = "-- revision: " + revision + "\n-- down_revision: " + previous + "\n" + body;
                Files.writeString(dir.resolve(String.format("202601010000%02d_%s.sql", i, revision)), file,
                        StandardCharsets.UTF_8);
                previous = revision;
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
