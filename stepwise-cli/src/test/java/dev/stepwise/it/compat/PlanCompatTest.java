package dev.stepwise.it.compat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code plan} with {@code compat_queries} in {@code stepwise.toml}: the compat result in its text, JSON and checklist. */
class PlanCompatTest {

    @TempDir
    Path dir;

    Project project;
    Cli cli;

    @BeforeEach
    void v1AppliedAndANarrowingExpandPending() throws IOException {
        TestDatabase db = TestPostgres.server().newDatabase();
        project = Project.in(dir);
        project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, note varchar(100),"
                        + " total_dollars numeric(12,3));")
                .down("DROP TABLE orders;"));
        Files.createDirectories(dir.resolve("sql"));
        Files.writeString(dir.resolve("sql/queries.sql"), CompatCliTest.V1_QUERIES);
        cli = Cli.on(db, project);
        assertThat(cli.run("upgrade", "head").exitCode()).isZero();
        project.add(MigrationText.of("b2", "a1").up("ALTER TABLE orders ALTER COLUMN note TYPE varchar(50);")
                .down("ALTER TABLE orders ALTER COLUMN note TYPE varchar(100);"));
    }

    private void configure(boolean withQueries) {
        project.config("replay_url = \"" + TestPostgres.server().jdbcUrl("postgres") + "\"\n"
                + (withQueries ? "compat_queries = \"sql/queries.sql\"\n" : ""));
    }

    @Test
    void planText_showsTheCompatResult_andTheChecklistFailsItem3() {
        configure(true);

        CliRun run = cli.run("plan");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out())
                .contains("Running code's statements (compat_queries):")
                .contains("  sql/queries.sql:1: failure: orders.note: character varying(100) -> character varying(50)")
                .contains("[ ] 3. backward compatible: compatibility findings in expand migrations: b2"
                        + " narrow-column-type; 2 statement(s) of sql/queries.sql no longer prepare alike after the"
                        + " expand migrations");
    }

    @Test
    void planJson_carriesTheCompatReport() throws IOException {
        configure(true);

        CliRun run = cli.run("plan", "--format", "json");

        JsonNode compat = CompatCliTest.parse(run).get("compat");
        assertThat(compat.get("queries").asText()).isEqualTo("sql/queries.sql");
        assertThat(compat.get("statements").get(0).get("verdict").asText()).isEqualTo("failure");
        assertThat(compat.get("statements").get(1).get("verdict").asText()).isEqualTo("ok");
    }

    @Test
    void withoutTheKey_planHasNoCompatResult() throws IOException {
        configure(false);

        CliRun run = cli.run("plan");

        assertThat(run.out()).doesNotContain("Running code's statements");
        assertThat(CompatCliTest.parse(cli.run("plan", "--format", "json")).get("compat").isNull()).isTrue();
    }

    @Test
    void theKeyCanComeFromTheEnvironment() {
        configure(false);

        CliRun run = cli.env("STEPWISE_COMPAT_QUERIES", "sql/queries.sql").run("plan");

        assertThat(run.out()).contains("sql/queries.sql:4: failure: orders.note");
    }
}
