package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.config.ConfigLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code init}: creates {@code stepwise.toml} and an empty {@code migrations/} directory. */
public final class InitCommand {

    static final String TEMPLATE = """
            # Stepwise project settings. Every key has a default and can be overridden by an
            # environment variable (STEPWISE_URL, STEPWISE_USER, ...) or a command-line flag.

            # Database URL, JDBC or libpq form. Without one, Stepwise runs an embedded PostgreSQL
            # with its data under .stepwise/ in this directory.
            # url = "postgresql://app@localhost:5432/app"
            # user = "app"
            # Prefer STEPWISE_PASSWORD over writing a password here.

            # Where migration files live, relative to this file.
            migrations = "migrations"

            # Schema and names of Stepwise's own tables.
            # schema = "public"
            # version_table = "stepwise_version"
            # history_table = "stepwise_history"

            # How long a runner waits for another one to finish before giving up.
            # lock_wait = "10m"
            """;

    /** What init made. */
    public record Result(Path config, Path migrations) {
    }

    public Result run(Path projectDirectory) {
        Path config = projectDirectory.resolve(ConfigLoader.FILE_NAME);
        Path migrations = projectDirectory.resolve("migrations");
        if (Files.exists(config)) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT,
                    config + " already exists: this directory is already a Stepwise project");
        }
        try {
            Files.createDirectories(migrations);
            try (var entries = Files.list(migrations)) {
                List<Path> existing = entries.filter(p -> p.toString().endsWith(".sql")).toList();
                if (!existing.isEmpty()) {
                    throw new StepwiseException(StepwiseException.Category.BAD_INPUT, migrations
                            + " already holds migration files; not overwriting a project");
                }
            }
            Files.writeString(config, TEMPLATE, StandardCharsets.UTF_8);
            Path ignore = projectDirectory.resolve(".gitignore");
            if (!Files.exists(ignore)) {
                Files.writeString(ignore, ".stepwise/\n", StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not initialise " + projectDirectory, e);
        }
        return new Result(config, migrations);
    }
}
