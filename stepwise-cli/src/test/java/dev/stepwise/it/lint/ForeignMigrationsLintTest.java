package dev.stepwise.it.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stepwise lint DIR} on another tool's migrations, for a team that wants to know before
 * adopting Stepwise: the files are replayed in their tool's order and the findings point at the
 * original files and lines.
 */
class ForeignMigrationsLintTest {

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void project() throws IOException {
        Project project = Project.in(dir.resolve("project"));
        Files.writeString(project.root().resolve("stepwise.toml"), "replay_url = \""
                + TestPostgres.server().jdbcUrl("postgres") + "\"\nuser = \"" + TestPostgres.server().user() + "\"\n");
        cli = Cli.withoutDatabase(project);
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private List<JsonNode> lint(Path target) throws IOException {
        CliRun run = cli.run("--format", "json", "lint", target.toString());
        assertThat(run.exitCode()).as("%s", run).isIn(0, 1);
        List<JsonNode> findings = new ArrayList<>();
        new ObjectMapper().readTree(run.out()).forEach(findings::add);
        return findings;
    }

    @Test
    void flywayFilesAreReplayedInVersionOrder_findingsAtTheirOwnLines() throws IOException {
        write("flyway/V1__init.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, label varchar, total int);\n");
        Path index = write("flyway/V2__index.sql", "-- lookups by total\n\nCREATE INDEX ix_orders_total ON orders (total);\n");
        write("flyway/V10__label.sql", "BEGIN;\nALTER TABLE orders ALTER COLUMN label TYPE text;\nCOMMIT;\n");

        List<JsonNode> findings = lint(dir.resolve("flyway"));

        // V10 runs after V2, and knows label was varchar (no rewrite); V2's index is on an existing table
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.get("rule").asText()).isEqualTo("create-index-non-concurrently");
            assertThat(f.get("file").asText()).isEqualTo(index.toString());
            assertThat(f.get("line").asInt()).isEqualTo(3);
            assertThat(f.get("revision").asText()).isEqualTo("V2__index");
        });
    }

    @Test
    void golangMigrateDownFilesAreLintedAsTheDown() throws IOException {
        write("gm/000001_init.up.sql", "CREATE TABLE items (id int PRIMARY KEY, name text);\n");
        write("gm/000001_init.down.sql", "DROP TABLE items;\n");
        write("gm/000002_index.up.sql", "CREATE INDEX CONCURRENTLY ix_items_name ON items (name);\n");
        Path down = write("gm/000002_index.down.sql", "DROP INDEX ix_items_name;\n");

        List<JsonNode> findings = lint(dir.resolve("gm"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.get("rule").asText()).isEqualTo("drop-index-non-concurrently");
            assertThat(f.get("file").asText()).isEqualTo(down.toString());
            assertThat(f.get("line").asInt()).isEqualTo(1);
        });
    }

    @Test
    void aFileThatIsNotSqlStepwiseCanReadIsSkippedWithANotice_theOthersAreStillLinted() throws IOException {
        write("mixed/001_init.sql", "CREATE TABLE t (id int, name text);\n");
        write("mixed/002_broken.sql", "INSERT INTO t VALUES (1, 'unterminated);\n");
        write("mixed/003_rename.sql", "ALTER TABLE t RENAME COLUMN name TO title;\n");

        CliRun run = cli.run("lint", dir.resolve("mixed").toString());

        assertThat(run.err()).contains("not linted: ").contains("002_broken.sql").contains("starts at line 1");
        assertThat(run.out()).contains("003_rename.sql:1:15: error[rename-column]");
    }

    @Test
    void dbmateAndGooseFilesAreRecognisedThoughTheirNamesLookLikeStepwises() throws IOException {
        write("dbmate/20240101120000_create_orders.sql", "-- migrate:up\nCREATE TABLE orders (id bigint PRIMARY KEY,"
                + " status text);\n\n-- migrate:down\nDROP TABLE orders;\n");
        Path goose = write("dbmate/20240102120000_index_orders.sql", "-- +goose Up\n-- +goose StatementBegin\n"
                + "CREATE INDEX ix_orders_status ON orders (status);\n-- +goose StatementEnd\n\n-- +goose Down\n"
                + "DROP INDEX CONCURRENTLY ix_orders_status;\n");

        List<JsonNode> findings = lint(dir.resolve("dbmate"));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.get("rule").asText()).isEqualTo("create-index-non-concurrently");
            assertThat(f.get("file").asText()).isEqualTo(goose.toString());
            assertThat(f.get("line").asInt()).isEqualTo(3);
        });
    }

    @Test
    void aFileThatIsNoMigrationOfTheDirectoryIsAnError() throws IOException {
        write("gm2/000001_init.up.sql", "CREATE TABLE t (id int);\n");
        Path readme = write("gm2/notes.txt", "not SQL\n");

        CliRun run = cli.run("lint", readme.toString());

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.errorLine()).contains("notes.txt").contains("not a migration file");
    }
}
