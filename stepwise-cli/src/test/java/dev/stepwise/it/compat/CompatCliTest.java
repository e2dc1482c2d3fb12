package dev.stepwise.it.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * {@code stepwise compat --queries FILE} against a target database that has the v1 schema
 * applied: the v1 code's statements are described on it and again after the pending expand
 * migrations (replayed on the shared test server), and what the old code would trip on fails.
 */
class CompatCliTest {

    /** The v1 code's statements, one per line from line 1: explicit column lists, and one SELECT *. */
    static final String V1_QUERIES = """
            SELECT id, customer, note, total_dollars FROM orders WHERE id = ?;
            INSERT INTO orders (id, customer, note, total_dollars) VALUES (?, ?, ?, ?);
            UPDATE orders SET note = ?, total_dollars = ? WHERE id = ?;
            SELECT * FROM orders WHERE id = $1;
            """;

    @TempDir
    Path dir;

    TestDatabase db;
    Project project;
    Cli cli;

    @BeforeEach
    void v1Applied() throws IOException {
        db = TestPostgres.server().newDatabase();
        project = Project.in(dir);
        project.config("replay_url = \"" + TestPostgres.server().jdbcUrl("postgres") + "\"\n");
        project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, note varchar(100),"
                        + " total_dollars numeric(12,3));")
                .down("DROP TABLE orders;"));
        Files.writeString(dir.resolve("queries.sql"), V1_QUERIES);
        cli = Cli.on(db, project);
        assertThat(cli.run("upgrade", "head").exitCode()).isZero();
    }

    private void expand(String revision, String up, String down) {
        project.add(MigrationText.of(revision, "a1").header("phase", "expand").up(up).down(down));
    }

    private CliRun compat(String... more) {
        String[] args = new String[more.length + 3];
        args[0] = "compat";
        args[1] = "--queries";
        args[2] = "queries.sql";
        System.arraycopy(more, 0, args, 3, more.length);
        return cli.run(args);
    }

    @Test
    void dropColumnInAnExpand_isAFailure_theStatementNoLongerPrepares() {
        expand("b2", "ALTER TABLE orders DROP COLUMN note;", "ALTER TABLE orders ADD COLUMN note varchar(100);");

        CliRun run = compat();

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.out())
                .contains("queries.sql:1: failure: no longer prepares: column \"note\" does not exist")
                .contains("queries.sql:2: failure: no longer prepares: column \"note\" of relation \"orders\" does not exist")
                .contains("queries.sql:3: failure: no longer prepares: column \"note\" of relation \"orders\" does not exist")
                .contains("queries.sql:4: failure: result column 3 is total_dollars numeric(12,3), was note"
                        + " character varying(100)")
                .contains("4 statement(s) of queries.sql checked against 1 pending expand migration(s) (b2) on the"
                        + " target's schema: 4 failures, 0 warnings, 0 ok");
    }

    @Test
    void renameColumnInAnExpand_isAFailure() {
        expand("b2", "ALTER TABLE orders RENAME COLUMN note TO remark;",
                "ALTER TABLE orders RENAME COLUMN remark TO note;");

        CliRun run = compat();

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.out())
                .contains("queries.sql:1: failure: no longer prepares: column \"note\" does not exist")
                .contains("queries.sql:4: failure: result column 3 is remark character varying(100), was note"
                        + " character varying(100)")
                .contains("4 failures");
    }

    @Test
    void narrowingAVarchar_isAFailureNamingBothModifiers() {
        expand("b2", "ALTER TABLE orders ALTER COLUMN note TYPE varchar(50);",
                "ALTER TABLE orders ALTER COLUMN note TYPE varchar(100);");

        CliRun run = compat();

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.out())
                .contains("queries.sql:1: failure: orders.note: character varying(100) -> character varying(50)")
                .contains("queries.sql:4: failure: orders.note: character varying(100) -> character varying(50)")
                // a parameter has no modifier: the writes still prepare alike
                .contains("queries.sql:2: ok: INSERT INTO orders")
                .contains("2 failures, 0 warnings, 2 ok");
    }

    @Test
    void changingANumericsScale_isAFailure() {
        expand("b2", "ALTER TABLE orders ALTER COLUMN total_dollars TYPE numeric(12,2);",
                "ALTER TABLE orders ALTER COLUMN total_dollars TYPE numeric(12,3);");

        CliRun run = compat();

        assertThat(run.out()).contains("queries.sql:1: failure: orders.total_dollars: numeric(12,3) -> numeric(12,2)");
    }

    @Test
    void retypingAWrittenColumn_changesTheParameterType() {
        expand("b2", "ALTER TABLE orders ALTER COLUMN customer TYPE varchar(200);",
                "ALTER TABLE orders ALTER COLUMN customer TYPE text;");

        CliRun run = compat();

        assertThat(run.out()).contains("queries.sql:2: failure: parameter $2: text -> character varying");
    }

    @Test
    void anAddedColumn_onlyWarnsOnSelectStar_namingTheCachedPlanHazardAndAutosave() {
        expand("b2", "ALTER TABLE orders ADD COLUMN shipped_at timestamptz;",
                "ALTER TABLE orders DROP COLUMN shipped_at;");

        CliRun run = compat();

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out())
                .contains("queries.sql:4: warning: gains trailing column shipped_at timestamp with time zone:")
                .contains("cached plan must not change result type")
                .contains("autosave=conservative")
                .contains("0 failures, 1 warning, 3 ok");
    }

    @Test
    void aStatementFailingOnTheCurrentSchema_isListedApart_andDoesNotFail() throws IOException {
        Files.writeString(dir.resolve("queries.sql"), V1_QUERIES + "SELECT id, nickname FROM orders WHERE id = ?;\n");
        expand("b2", "ALTER TABLE orders ADD COLUMN shipped_at timestamptz;",
                "ALTER TABLE orders DROP COLUMN shipped_at;");

        CliRun run = compat();

        assertThat(run.exitCode()).as("%s", run).isZero();
        String apart = run.out().substring(run.out().indexOf("Not caused by the migrations"));
        assertThat(apart).contains("  queries.sql:5: already failing: does not prepare on the current schema:"
                + " column \"nickname\" does not exist");
        assertThat(run.out()).contains("1 already failing");
    }

    @Test
    void transactionAndSessionStatements_ofAnExport_areSkipped_notCalledFailing() throws IOException {
        Files.writeString(dir.resolve("queries.sql"), "BEGIN;\nSET application_name = $1;\nSHOW TimeZone;\n"
                + V1_QUERIES + "COMMIT;\n");
        expand("b2", "ALTER TABLE orders ADD COLUMN shipped_at timestamptz;",
                "ALTER TABLE orders DROP COLUMN shipped_at;");

        CliRun run = compat();

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).doesNotContain("already failing").doesNotContain("BEGIN")
                .contains("0 failures, 1 warning, 3 ok, 4 skipped (transaction and session statements)");
    }

    @Test
    void onlyMigrationsTheTargetLacks_arePending_andItsOwnObjectsCount() throws IOException {
        project.add(MigrationText.of("b2", "a1").up("ALTER TABLE orders DROP COLUMN note;")
                .down("ALTER TABLE orders ADD COLUMN note varchar(100);"));
        assertThat(cli.run("upgrade", "head", "--unsafe").exitCode()).isZero();
        project.add(MigrationText.of("c3", "b2").up("ALTER TABLE orders ADD COLUMN shipped_at timestamptz;")
                .down("ALTER TABLE orders DROP COLUMN shipped_at;"));
        // made by hand on the target: no migration knows it
        db.execute("CREATE TABLE audit (id bigint, at timestamptz)");
        Files.writeString(dir.resolve("queries.sql"), """
                SELECT id, customer, total_dollars FROM orders WHERE id = ?;
                SELECT id, note FROM orders;
                SELECT id, at FROM audit;
                """);

        CliRun run = compat("--format", "json");

        assertThat(run.exitCode()).as("%s", run).isZero();
        JsonNode report = parse(run);
        assertThat(report.get("context").asText()).isEqualTo("target");
        assertThat(report.get("expands").toString()).isEqualTo("[\"c3\"]");
        JsonNode statements = report.get("statements");
        assertThat(statements.get(0).get("verdict").asText()).isEqualTo("ok");
        assertThat(statements.get(1).get("verdict").asText()).isEqualTo("already failing");
        assertThat(statements.get(2).get("verdict").asText()).isEqualTo("not judged");
        assertThat(statements.get(2).get("changes").get(0).asText()).contains("relation \"audit\" does not exist");
    }

    @Test
    void json_hasAVerdictPerStatementWithFileLineAndChanges() throws IOException {
        expand("b2", "ALTER TABLE orders ALTER COLUMN note TYPE varchar(50);",
                "ALTER TABLE orders ALTER COLUMN note TYPE varchar(100);");

        CliRun run = compat("--format", "json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode report = parse(run);
        assertThat(report.get("queries").asText()).isEqualTo("queries.sql");
        JsonNode first = report.get("statements").get(0);
        assertThat(first.get("file").asText()).isEqualTo("queries.sql");
        assertThat(first.get("line").asInt()).isEqualTo(1);
        assertThat(first.get("statement").asText()).startsWith("SELECT id, customer, note");
        assertThat(first.get("verdict").asText()).isEqualTo("failure");
        assertThat(first.get("changes").get(0).asText())
                .isEqualTo("orders.note: character varying(100) -> character varying(50)");
        assertThat(report.get("statements").get(3).get("line").asInt()).isEqualTo(4);
    }

    @Test
    void aTableLockedOnTheTarget_failsTheRunAfterLockTimeoutMax_insteadOfCallingTheStatementsFailing()
            throws Exception {
        project.config("replay_url = \"" + TestPostgres.server().jdbcUrl("postgres") + "\"\n"
                + "lock_timeout_max = \"200ms\"\n");
        try (java.sql.Connection holder = db.connect(); java.sql.Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");

            CliRun run = compat();

            assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
            assertThat(run.errorLine()).startsWith("error: describing the statements of queries.sql failed:")
                    .contains("lock timeout");
            holder.rollback();
        }
    }

    @Test
    void aQueriesFileThatCannotBeSplit_isBadInputNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("queries.sql"), "SELECT 1;\n\nSELECT 'unterminated FROM orders;\n");

        CliRun run = compat();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLine()).startsWith("error: queries.sql:3:");
    }

    @Test
    void aMissingQueriesFile_isBadInput() throws IOException {
        Files.delete(dir.resolve("queries.sql"));

        CliRun run = compat();

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLine()).isEqualTo("error: queries.sql: no such queries file");
    }

    static JsonNode parse(CliRun run) throws IOException {
        return new ObjectMapper().readTree(run.out());
    }
}
