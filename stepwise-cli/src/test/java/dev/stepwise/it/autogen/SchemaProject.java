package dev.stepwise.it.autogen;

import dev.stepwise.it.Cli;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A project with a {@code schema/} directory, its own test database as the target and the test
 * server as the replay server, for the autogenerate commands' tests.
 */
final class SchemaProject {

    final TestDatabase db;
    final Project project;
    final Cli cli;

    SchemaProject(Path dir) {
        db = TestPostgres.server().newDatabase();
        project = Project.in(dir);
        project.config("replay_url = \"" + db.server().jdbcUrl("postgres") + "\"\nuser = \"" + db.server().user()
                + "\"\n");
        cli = Cli.on(db, project);
    }

    /** The first migration: a table of orders. */
    SchemaProject orders(String columns) {
        project.add(MigrationText.of("a1", "none").up("CREATE TABLE orders (" + columns + ");")
                .down("DROP TABLE orders;"));
        return this;
    }

    /** Writes a file under {@code schema/}. */
    SchemaProject schema(String path, String sql) {
        Path file = project.root().resolve("schema").resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sql, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The migration files, in name order. */
    List<Path> migrations() {
        try (Stream<Path> files = Files.list(project.root().resolve("migrations"))) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of the migration files not among the given ones, in name order. */
    List<String> newMigrations(List<Path> before) {
        return migrations().stream().filter(f -> !before.contains(f)).map(SchemaProject::text).toList();
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
