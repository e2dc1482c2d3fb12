package dev.stepwise.it.runner;

import dev.stepwise.it.CatalogSnapshot;
import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.Evidence.HistoryLine;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration that mixes transactional statements, a concurrent index build, NOT VALID then
 * VALIDATE, and a batched backfill: applied step by step, reverted, applied again; and its
 * offline script says which steps run outside a transaction.
 */
class MixedMigrationTest {

    @TempDir
    Path dir;

    private Project project() {
        Project project = Project.in(dir);
        project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE orders (id bigint PRIMARY KEY, total_dollars numeric(10, 2) NOT NULL, status text);\n"
                        + "INSERT INTO orders SELECT g, g / 100.0, NULL FROM generate_series(1, 3000) g;")
                .down("DROP TABLE orders;"));
        project.add(MigrationText.of("b2", "a1").up("""
                ALTER TABLE orders ADD COLUMN total_cents bigint;
                CREATE INDEX CONCURRENTLY orders_total_cents_idx ON orders (total_cents);
                -- stepwise:batch size=500
                UPDATE orders SET total_cents = (total_dollars * 100)::bigint WHERE total_cents IS NULL;
                ALTER TABLE orders ADD CONSTRAINT orders_total_cents_not_null CHECK (total_cents IS NOT NULL) NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_total_cents_not_null;
                ALTER TABLE orders ALTER COLUMN total_cents SET NOT NULL;
                ALTER TABLE orders DROP CONSTRAINT orders_total_cents_not_null;""").down("""
                DROP INDEX CONCURRENTLY orders_total_cents_idx;
                ALTER TABLE orders DROP COLUMN total_cents;"""));
        return project;
    }

    @Test
    void mixedMigration_appliesStepByStep_revertsToWhatWasThere_andAppliesAgain() {
        TestDatabase db = TestPostgres.server().newDatabase();
        Project project = project();
        Cli cli = Cli.on(db, project);
        Evidence evidence = Evidence.of(db);
        assertThat(cli.run("upgrade", "a1").exitCode()).isZero();
        List<String> before = CatalogSnapshot.of(db);

        CliRun up = cli.run("upgrade", "head");

        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(evidence.stepRows("b2")).filteredOn(h -> h.direction().equals("up"))
                .extracting(HistoryLine::outcome).containsExactly("success", "success", "success", "success",
                        "success", "success");
        assertThat(up.err()).contains("step 2/6").contains("outside a transaction: CREATE INDEX CONCURRENTLY")
                .contains("(3000 rows in batches)");
        assertThat(db.value("SELECT count(*) FROM orders WHERE total_cents = (total_dollars * 100)::bigint"))
                .isEqualTo("3000");
        assertThat(db.value("SELECT attnotnull FROM pg_attribute WHERE attrelid = 'orders'::regclass"
                + " AND attname = 'total_cents'")).isEqualTo("t");
        assertThat(evidence.indexValid("orders_total_cents_idx")).contains(true);
        List<String> after = CatalogSnapshot.of(db);

        CliRun down = cli.run("downgrade", "-1");

        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(CatalogSnapshot.of(db)).containsExactlyElementsOf(before);

        CliRun again = cli.run("upgrade", "head");

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(CatalogSnapshot.of(db)).containsExactlyElementsOf(after);
    }

    @Test
    void sqlScript_marksWhatRunsOutsideATransaction_andWritesTheBatchAsADoBlock() {
        CliRun sql = Cli.withoutDatabase(project()).run("upgrade", "head", "--sql");

        assertThat(sql.exitCode()).as(sql.toString()).isZero();
        String script = sql.out().substring(sql.out().indexOf("-- Running upgrade a1 -> b2"));
        assertThat(script).containsSubsequence(
                "BEGIN;", "ALTER TABLE orders ADD COLUMN total_cents bigint;", "COMMIT;",
                "-- outside a transaction: must not run inside a transaction block",
                "CREATE INDEX CONCURRENTLY orders_total_cents_idx ON orders (total_cents);",
                "-- outside a transaction: batched, 500 rows per batch, each batch commits",
                "DO $stepwise_batch$",
                "BEGIN;", "ADD CONSTRAINT orders_total_cents_not_null", "COMMIT;",
                "-- in a transaction of its own", "BEGIN;", "VALIDATE CONSTRAINT orders_total_cents_not_null;", "COMMIT;",
                "BEGIN;", "SET NOT NULL;", "DROP CONSTRAINT orders_total_cents_not_null;",
                "INSERT INTO public.stepwise_version", "COMMIT;");
    }
}
