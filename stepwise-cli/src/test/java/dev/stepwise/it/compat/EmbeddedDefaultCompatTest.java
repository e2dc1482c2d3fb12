package dev.stepwise.it.compat;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compat} with no URL configured anywhere: the project's embedded database says what is
 * applied, and the statements are described on replays on the same embedded server.
 */
class EmbeddedDefaultCompatTest {

    @TempDir
    Path dir;

    @Test
    void onTheEmbeddedDefault_aDropInAnExpandFails() throws IOException {
        Project project = Project.in(dir);
        project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, note varchar(100),"
                        + " total_dollars numeric(12,3));")
                .down("DROP TABLE orders;"));
        Files.writeString(dir.resolve("queries.sql"), CompatCliTest.V1_QUERIES);
        Cli cli = Cli.withoutDatabase(project);
        assertThat(cli.run("upgrade", "head").exitCode()).isZero();
        project.add(MigrationText.of("b2", "a1").up("ALTER TABLE orders DROP COLUMN note;")
                .down("ALTER TABLE orders ADD COLUMN note varchar(100);"));

        CliRun run = cli.run("compat", "--queries", "queries.sql");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.err()).contains("using embedded PostgreSQL");
        assertThat(run.out())
                .contains("queries.sql:1: failure: no longer prepares: column \"note\" does not exist")
                .contains("checked against 1 pending expand migration(s) (b2) on the replayed schema: 4 failures");
    }
}
