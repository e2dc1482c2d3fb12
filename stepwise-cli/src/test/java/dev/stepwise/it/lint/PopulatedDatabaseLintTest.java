package dev.stepwise.it.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stepwise lint --url} against a database whose tables hold 50,000 to 200,000 rows: the
 * hazards a reviewer most often misses are each reported with the right rule, the table's size
 * and what to do instead, and their safe versions (up and down) draw no warning or error.
 */
class PopulatedDatabaseLintTest {

    static final String BASE = """
            CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
            CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, status text, total integer,
                note text, label varchar, created_at timestamptz NOT NULL DEFAULT now());""";

    @TempDir
    static Path work;

    static TestDatabase db;

    @BeforeAll
    static void populate() {
        db = TestPostgres.server().newDatabase();
        Project base = Project.in(work.resolve("base"));
        base.add(MigrationText.of("0000000000a1", "none").up(BASE).down("DROP TABLE orders;\nDROP TABLE users;"));
        CliRun applied = Cli.on(db, base).run("upgrade", "head");
        assertThat(applied.exitCode()).as("%s", applied).isZero();
        db.execute("INSERT INTO users SELECT g, 'u' || g || '@example.com' FROM generate_series(1, 50000) g");
        db.execute("INSERT INTO orders (id, user_id, status, total, note, label) SELECT g, g % 50000 + 1,"
                + " CASE WHEN g % 3 = 0 THEN NULL ELSE 'paid' END, g % 1000, 'note ' || g, 'l' || g"
                + " FROM generate_series(1, 200000) g");
        db.execute("VACUUM ANALYZE users");
        db.execute("VACUUM ANALYZE orders");
    }

    /** Lints the migrations after the base one, as {@code lint --url --format json}; returns the findings. */
    private static List<JsonNode> lint(String name, MigrationText... migrations) throws IOException {
        Project project = Project.in(work.resolve(name));
        project.add(MigrationText.of("0000000000a1", "none").up(BASE).down("DROP TABLE orders;\nDROP TABLE users;"));
        List<Path> files = new ArrayList<>();
        for (MigrationText m : migrations) {
            files.add(project.add(m));
        }
        List<String> args = new ArrayList<>(List.of("--format", "json", "lint"));
        files.forEach(f -> args.add(f.toString()));
        CliRun run = Cli.on(db, project).run(args.toArray(String[]::new));
        List<JsonNode> findings = new ArrayList<>();
        new ObjectMapper().readTree(run.out()).forEach(findings::add);
        boolean errors = findings.stream().anyMatch(f -> f.get("severity").asText().equals("error"));
        assertThat(run.exitCode()).as("exit code of %s", run).isEqualTo(errors ? 1 : 0);
        return findings;
    }

    private static MigrationText migration(String up, String down) {
        return MigrationText.of("0000000000b1", "0000000000a1").up(up).down(down);
    }

    private static JsonNode only(List<JsonNode> findings, String rule) {
        List<JsonNode> alarms = findings.stream().filter(f -> !f.get("severity").asText().equals("info")).toList();
        assertThat(alarms).as("findings %s", findings).extracting(f -> f.get("rule").asText()).containsExactly(rule);
        return alarms.get(0);
    }

    private static void quiet(List<JsonNode> findings) {
        assertThat(findings).as("no warning or error").allMatch(f -> f.get("severity").asText().equals("info"));
    }

    @Test
    void plainCreateIndexIsReportedWithItsSizeAndTheConcurrentFix() throws IOException {
        JsonNode f = only(lint("create-index", migration("CREATE INDEX ix_orders_status ON orders (status);",
                "DROP INDEX CONCURRENTLY ix_orders_status;")), "create-index-non-concurrently");
        assertThat(f.get("severity").asText()).isEqualTo("error");
        assertThat(f.get("message").asText()).contains("SHARE", "200,000 rows");
        assertThat(f.get("fix").asText()).isEqualTo("CREATE INDEX CONCURRENTLY ix_orders_status ON orders (status)");
        assertThat(f.get("line").asInt()).isEqualTo(5);
        assertThat(f.get("column").asInt()).isEqualTo(1);
    }

    @Test
    void theLargeTableThresholdComesFromStepwiseToml() throws IOException {
        Project project = Project.in(work.resolve("threshold"));
        java.nio.file.Files.writeString(project.root().resolve("stepwise.toml"),
                "[checklist]\nlarge_table_rows = 100000\nlarge_table_size = \"100MB\"\n");
        project.add(MigrationText.of("0000000000a1", "none").up(BASE).down("DROP TABLE orders;\nDROP TABLE users;"));
        Path index = project.add(migration("CREATE INDEX ix_users_email ON users (email);",
                "DROP INDEX CONCURRENTLY ix_users_email;"));

        CliRun run = Cli.on(db, project).run("lint", index.toString());

        // users' 50,000 rows are below the configured threshold: the lock is over before anyone notices
        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("info[create-index-non-concurrently]").contains("50,000 rows");
        CliRun plan = Cli.on(db, project).run("plan");
        assertThat(plan.out()).contains("on a table above 100,000 rows or 100 MB");
    }

    @Test
    void oneShotUpdateIsReportedWithTheBatchDirective() throws IOException {
        JsonNode f = only(lint("update", migration("UPDATE orders SET status = 'new' WHERE status IS NULL;",
                "-- stepwise:batch size=auto\nUPDATE orders SET status = NULL WHERE status = 'new';")),
                "unbatched-data-change");
        assertThat(f.get("message").asText()).contains("orders", "rows");
        assertThat(f.get("fix").asText()).startsWith("-- stepwise:batch").contains("UPDATE orders SET status = 'new'");
    }

    @Test
    void renameColumnBreaksTheRunningCode() throws IOException {
        JsonNode f = only(lint("rename", migration("ALTER TABLE orders RENAME COLUMN note TO remark;",
                "ALTER TABLE orders RENAME COLUMN remark TO note;")), "rename-column");
        assertThat(f.get("severity").asText()).isEqualTo("error");
        assertThat(f.get("help").asText()).containsIgnoringCase("expand");
    }

    @Test
    void intToBigintRewritesTheTable() throws IOException {
        JsonNode f = only(lint("bigint", migration("ALTER TABLE orders ALTER COLUMN total TYPE bigint;",
                "ALTER TABLE orders ALTER COLUMN total TYPE integer;")), "column-type-rewrites");
        assertThat(f.get("message").asText()).contains("ACCESS EXCLUSIVE", "rewrite", "200,000 rows");
    }

    @Test
    void requiredColumnWithoutDefaultBreaksInserts() throws IOException {
        JsonNode f = only(lint("required", migration("ALTER TABLE orders ADD COLUMN region text NOT NULL;",
                "ALTER TABLE orders DROP COLUMN region;")), "add-required-column");
        assertThat(f.get("severity").asText()).isEqualTo("error");
        assertThat(f.get("help").asText()).contains("DEFAULT");
    }

    @Test
    void foreignKeyValidatedAtOnceIsReportedWithTheNotValidFix() throws IOException {
        JsonNode f = only(lint("fk", migration("ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id)"
                + " REFERENCES users (id);", "ALTER TABLE orders DROP CONSTRAINT fk_orders_user;")),
                "foreign-key-validated-at-once");
        assertThat(f.get("message").asText()).contains("SHARE ROW EXCLUSIVE", "orders");
        assertThat(f.get("fix").asText()).contains("NOT VALID", "VALIDATE CONSTRAINT fk_orders_user");
    }

    @Test
    void textToBoundedVarcharRewrites() throws IOException {
        List<JsonNode> findings = lint("varchar", migration("ALTER TABLE orders ALTER COLUMN note TYPE varchar(255);",
                "ALTER TABLE orders ALTER COLUMN note TYPE text;"));
        // it narrows the type too, which the running code may trip over
        assertThat(findings).extracting(f -> f.get("rule").asText())
                .containsExactlyInAnyOrder("column-type-rewrites", "narrow-column-type");
        assertThat(findings.get(0).get("message").asText()).contains("rewrite", "200,000 rows");
    }

    @Test
    void concurrentIndexAndItsConcurrentDropAreQuiet() throws IOException {
        quiet(lint("cic", migration("CREATE INDEX CONCURRENTLY ix_orders_status ON orders (status);",
                "DROP INDEX CONCURRENTLY ix_orders_status;")));
    }

    @Test
    void batchedUpdateWithBatchedReverseIsQuiet() throws IOException {
        quiet(lint("batched", migration("-- stepwise:batch size=auto\nUPDATE orders SET status = 'new' WHERE status IS NULL;",
                "-- stepwise:batch size=auto\nUPDATE orders SET status = NULL WHERE status = 'new';")
                ));
    }

    @Test
    void nullableColumnAndItsDropAreQuiet() throws IOException {
        quiet(lint("nullable", migration("ALTER TABLE orders ADD COLUMN region text;",
                "ALTER TABLE orders DROP COLUMN region;")));
    }

    @Test
    void unboundedVarcharToTextAndBackAreQuiet() throws IOException {
        quiet(lint("text", migration("ALTER TABLE orders ALTER COLUMN label TYPE text;",
                "ALTER TABLE orders ALTER COLUMN label TYPE varchar;")));
    }

    @Test
    void foreignKeyNotValidThenValidatedInTheNextMigrationIsQuiet() throws IOException {
        quiet(lint("fk-safe",
                migration("ALTER TABLE orders ADD CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id)"
                        + " NOT VALID;", "ALTER TABLE orders DROP CONSTRAINT fk_orders_user;"),
                MigrationText.of("0000000000b2", "0000000000b1").header("reversible", "no")
                        .up("ALTER TABLE orders VALIDATE CONSTRAINT fk_orders_user;").down("")));
    }

    /**
     * A PostgreSQL 13 target is replayed on an embedded 13 (its binaries are in the local Maven
     * repository, where the build put them), so the rules and the replay agree on the version.
     */
    @Test
    void replaysOnTheTargetsMajorVersion() throws IOException {
        TestDatabase old = TestPostgres.server("13").newDatabase();
        Project project = Project.in(work.resolve("pg13"));
        project.add(MigrationText.of("0000000000a1", "none").up(BASE).down("DROP TABLE orders;\nDROP TABLE users;"));
        project.add(migration("REINDEX TABLE orders;", "REINDEX TABLE orders;"));
        CliRun run = Cli.on(old, project).run("--format", "json", "lint");
        assertThat(run.err()).as("%s", run).doesNotContain("replaying on");
        List<JsonNode> findings = new ArrayList<>();
        new ObjectMapper().readTree(run.out()).forEach(findings::add);
        // 13 has REINDEX CONCURRENTLY (12+), and the table is new in the base migration's replay
        assertThat(findings).extracting(f -> f.get("rule").asText()).contains("reindex-non-concurrently");
    }
}
