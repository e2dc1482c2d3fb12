package dev.stepwise.it.stairway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stepwise test} with rows: the checklist measured against a lock budget, a seed file run as
 * the tables appear, the report formats, and what it refuses to run on.
 */
class StairwayVolumeCliTest {

    /** A 100 ms budget for a blocking lock, on tables from 1,000 rows (the test fills 2,000). */
    private static final String BUDGET = "[checklist]\nlongest_blocking_lock = \"100ms\"\nlarge_table_rows = 1000\n";

    @TempDir
    Path dir;

    private StairwayProject lockingFor(String seconds) {
        return new StairwayProject(dir, BUDGET)
                .add(MigrationText.of("a1", "none").up("CREATE TABLE accounts (id bigint PRIMARY KEY, owner text NOT NULL);")
                        .down("DROP TABLE accounts;"))
                .add(MigrationText.of("b1", "a1").header("message", "hold the table")
                        .up("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE;\nSELECT pg_sleep(" + seconds + ");")
                        .down("SELECT 1;"));
    }

    @Test
    void accessExclusiveForASecondOnAPopulatedTable_failsTheLockBudget() throws IOException {
        CliRun run = lockingFor("1").test("--rows", "2000", "--format", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        JsonNode step = new ObjectMapper().readTree(run.out()).get("steps").get(1);
        assertThat(step.get("revision").asText()).isEqualTo("b1");
        JsonNode accounts = step.get("locks").get("tables").get(0);
        assertThat(accounts.get("table").asText()).isEqualTo("public.accounts");
        assertThat(accounts.get("mode").asText()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(accounts.get("rows").asLong()).isEqualTo(2000);
        // the server's pg_locks showed it held through the one-second sleep; generous either way
        assertThat(Duration.parse(accounts.get("blockingFor").asText())).isBetween(Duration.ofMillis(700),
                Duration.ofSeconds(30));
        JsonNode item = step.get("checklist").get(1);
        assertThat(item.get("number").asInt()).isEqualTo(2);
        assertThat(item.get("tick").asText()).isEqualTo("NO");
        assertThat(item.get("detail").asText()).startsWith("ACCESS EXCLUSIVE on public.accounts (2,000 rows) held for")
                .endsWith("(limit 100 ms)");
        JsonNode waits = step.get("locks").get("waitEvents");
        assertThat(waits.has("Timeout:PgSleep")).as(waits.toString()).isTrue();
    }

    @Test
    void accessExclusiveWellUnderTheBudget_passes() {
        CliRun run = lockingFor("0.01").test("--rows", "2000");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("b1 hold the table: passed")
                .contains("checklist 2 no long blocking lock: yes, none held over 100 ms on a table above 1,000 rows");
    }

    @Test
    void seedFile_runsEachStatementOnceItsTableExists_andMarkdownNamesTheLoss() throws IOException {
        StairwayProject p = new StairwayProject(dir).users()
                .add(MigrationText.of("b1", "a1").up("ALTER TABLE users ADD COLUMN email varchar(200);")
                        .down("ALTER TABLE users DROP COLUMN email;"))
                .add(MigrationText.of("c1", "b1").header("message", "shorter emails")
                        .up("ALTER TABLE users ALTER COLUMN email TYPE varchar(100);")
                        .down("ALTER TABLE users DROP COLUMN email;\nALTER TABLE users ADD COLUMN email varchar(200);"));
        Files.writeString(dir.resolve("seed.sql"), "INSERT INTO users (name) VALUES ('ann'), ('bob');\n"
                + "INSERT INTO users (name, email) VALUES ('cy', 'cy@example.com');\n");

        CliRun run = p.test("--seed", "seed.sql", "--format", "markdown");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("### Stepwise stairway test: FAILED")
                .contains("| `c1` | shorter emails | **FAILED** |")
                .contains("- `c1` data lost: public.users.email: 1 values before the upgrade, 0 after the downgrade")
                .doesNotContain("seed statement never ran");
    }

    @Test
    void seedStatementTheServerRefuses_isBadInputNamingItsLine() throws IOException {
        StairwayProject p = new StairwayProject(dir).users();
        Files.writeString(dir.resolve("seed.sql"), "INSERT INTO users (name) VALUES ('ann');\n"
                + "INSERT INTO users (name) VALUES (NULL);\n");

        CliRun run = p.test("--seed", "seed.sql");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.errorLine()).startsWith("error: seed.sql:2: the seed statement failed:")
                .contains("null value in column \"name\"");
    }

    @Test
    void missingSeedFile_isBadInput() {
        CliRun run = new StairwayProject(dir).users().test("--seed", "nope.sql");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.errorLine()).isEqualTo("error: --seed nope.sql: no such file");
    }

    @Test
    void urlOfADatabaseWithItsOwnTables_isRefusedNamingThem() {
        TestDatabase db = TestPostgres.server().newDatabase();
        db.execute("CREATE TABLE legacy_orders (id int)");
        StairwayProject p = new StairwayProject(dir).users();

        CliRun run = Cli.on(db, p.project).run("test");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.errorLine()).contains("the database holds tables the test did not create (public.legacy_orders)");
    }

    @Test
    void urlOfAnEmptyDatabase_isTestedAndLeftAtBase() {
        TestDatabase db = TestPostgres.server().newDatabase();
        StairwayProject p = new StairwayProject(dir).users();

        CliRun run = Cli.on(db, p.project).run("test", "--rows", "10");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("note: tested on the configured database; downgraded to base afterwards");
        assertThat(db.value("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'users'"))
                .isEqualTo("0");
        // and so a second test finds it as empty as the first did
        assertThat(Cli.on(db, p.project).run("test").exitCode()).isZero();
    }

    @Test
    void markdownFormat_isForTestOnly() {
        CliRun run = new StairwayProject(dir).users().cli.run("status", "--format", "markdown");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format markdown is for test");
    }
}
