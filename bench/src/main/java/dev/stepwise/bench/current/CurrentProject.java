package dev.stepwise.bench.current;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A project on the embedded default for the {@code current} benchmark: a copy of some migrations
 * and a {@code stepwise.toml} without a URL. Its {@code .stepwise/} (the embedded server's data)
 * is kept from one benchmark run to the next, as a user's is.
 */
public record CurrentProject(String name, Path directory, Path migrationsSource) {

    /** Copies the migrations afresh, leaving {@code .stepwise/} as it is. */
    public CurrentProject prepare() throws IOException {
        Path migrations = directory.resolve("migrations");
        if (Files.exists(migrations)) {
            try (Stream<Path> old = Files.walk(migrations)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(migrations);
        try (Stream<Path> files = Files.list(migrationsSource)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                Files.copy(f, migrations.resolve(f.getFileName()));
            }
        }
        Files.writeString(directory.resolve("stepwise.toml"), "# no url: the embedded default\nmigrations = \"migrations\"\n");
        return this;
    }

    public Path migrations() {
        return directory.resolve("migrations");
    }
}
