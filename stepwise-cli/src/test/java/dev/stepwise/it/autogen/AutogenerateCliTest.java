package dev.stepwise.it.autogen;

import dev.stepwise.it.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revision --autogenerate} and {@code check} on real PostgreSQL: the migrations' head
 * against {@code schema/}, the expand/contract split, required columns, rename hints, and every
 * generated file passing lint.
 */
class AutogenerateCliTest {

    @TempDir
    Path dir;

    private static final String ORDERS = "id bigint PRIMARY KEY, total numeric(12,2) NOT NULL, note text,"
            + " legacy text";

    private static final String DESIRED = """
            CREATE TABLE orders (
                id bigint PRIMARY KEY,
                total numeric(14,4) NOT NULL,
                note text,
                status text NOT NULL
            );
            CREATE INDEX orders_note ON orders (note);
            """;

    private static final String ITEMS = """
            CREATE TABLE items (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                order_id bigint NOT NULL REFERENCES orders (id),
                sku varchar(40) NOT NULL
            );
            CREATE INDEX items_order ON items (order_id);
            """;

    @Test
    void changes_areSplitIntoExpandAndContract_lintClean_andCheckAgreesAfterwards() {
        SchemaProject p = new SchemaProject(dir).orders(ORDERS).schema("01_orders.sql", DESIRED)
                .schema("tables/items.sql", ITEMS);
        List<Path> before = p.migrations();

        CliRun run = p.cli.run("revision", "--autogenerate", "-m", "items and status", "--default", "'new'");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("+ table public.items", "~ column public.orders.total numeric(12,2) → numeric(14,4)",
                "- column public.orders.legacy", "+ column public.orders.status text NOT NULL",
                "+ index orders_note on public.orders");
        List<String> files = p.newMigrations(before);
        assertThat(files).hasSize(2);
        String expand = files.stream().filter(t -> !t.contains("phase: contract")).findFirst().orElseThrow();
        String contract = files.stream().filter(t -> t.contains("phase: contract")).findFirst().orElseThrow();
        String expandId = expand.lines().findFirst().orElseThrow().replace("-- revision: ", "");
        assertThat(expand).contains("-- message: expand: items and status", "CREATE TABLE public.items",
                "CREATE INDEX CONCURRENTLY orders_note", "ADD COLUMN status text NOT NULL DEFAULT 'new'",
                "ALTER COLUMN total TYPE numeric(14,4) USING total::numeric(14,4)")
                .doesNotContain("DROP COLUMN legacy;\n\n-- +down");
        assertThat(expand.substring(expand.indexOf("-- +down"))).contains("DROP TABLE public.items",
                "DROP COLUMN status", "TYPE numeric(12,2)");
        assertThat(contract).contains("-- expands: " + expandId, "-- reversible: lossy",
                "-- down_revision: " + expandId, "ALTER TABLE public.orders DROP COLUMN legacy",
                "ALTER COLUMN status DROP DEFAULT");
        assertThat(contract.substring(contract.indexOf("-- +down"))).contains("ADD COLUMN legacy text");

        CliRun lint = p.cli.run("lint");
        assertThat(lint.exitCode()).as("%s", lint).isZero();
        assertThat(lint.out()).as("%s", lint).contains("0 errors, 0 warnings");
        CliRun check = p.cli.run("check");
        assertThat(check.exitCode()).as("%s", check).isZero();
        assertThat(check.out()).contains("no changes");

        List<Path> all = p.migrations();
        CliRun again = p.cli.run("revision", "--autogenerate", "-m", "nothing");
        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.out()).contains("no changes");
        assertThat(p.migrations()).isEqualTo(all);
    }

    @Test
    void aChangeWithoutSafeForm_onALargeTable_carriesACommentAndTheAllow_andIsListedForReview() {
        SchemaProject p = new SchemaProject(dir).orders("id bigint PRIMARY KEY, code integer")
                .schema("orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, code text);");
        assertThat(p.cli.run("upgrade", "head").exitCode()).isZero();
        p.db.execute("INSERT INTO orders SELECT g, g FROM generate_series(1, 20000) g");
        p.db.execute("ANALYZE orders");
        List<Path> before = p.migrations();

        CliRun run = p.cli.run("revision", "--autogenerate", "-m", "code as text");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("review: ", "column-type-rewrites");
        List<String> files = p.newMigrations(before);
        assertThat(files).hasSize(1);
        assertThat(files.get(0)).contains("phase: contract", "-- Not made safe (column-type-rewrites): ",
                "-- stepwise:allow column-type-rewrites autogenerated: Stepwise knows no safe form of this change,"
                        + " review it\nALTER TABLE public.orders ALTER COLUMN code TYPE text USING code::text;");
        CliRun lint = p.cli.run("lint");
        assertThat(lint.exitCode()).as("%s", lint).isZero();
        assertThat(lint.out()).as("%s", lint).contains("0 errors, 0 warnings");
    }

    @Test
    void check_exits1_printingTheDifference_alsoAsJson() {
        SchemaProject p = new SchemaProject(dir).orders(ORDERS).schema("orders.sql", DESIRED);

        CliRun check = p.cli.run("check");
        CliRun json = p.cli.run("check", "--format", "json");

        assertThat(check.exitCode()).as("%s", check).isEqualTo(1);
        assertThat(check.out()).contains("  - column public.orders.legacy", "  + column public.orders.status text NOT NULL");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.out()).contains("\"sign\" : \"-\"", "\"text\" : \"column public.orders.legacy\"");
    }

    @Test
    void requiredColumnWithoutDefault_exits2_namingTheColumnAndSuggestingDefault_andWritesNothing() {
        SchemaProject p = new SchemaProject(dir).orders(ORDERS).schema("orders.sql", DESIRED);
        List<Path> before = p.migrations();

        CliRun run = p.cli.run("revision", "--autogenerate", "-m", "status");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.errorLine()).contains("public.orders.status", "--default");
        assertThat(p.migrations()).isEqualTo(before);
    }

    @Test
    void renameHint_writesTheGeneratorsMigrations_thenTheRest_reachingSchemaExactly() {
        SchemaProject p = new SchemaProject(dir).orders("id bigint PRIMARY KEY, total_dollars numeric(12,2)")
                .schema("orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, amount numeric(12,2), note text);");
        List<Path> before = p.migrations();

        CliRun wrong = p.cli.run("revision", "--autogenerate", "-m", "rename", "--rename-column", "orders.total:amount");
        assertThat(wrong.exitCode()).as("%s", wrong).isEqualTo(2);
        assertThat(wrong.errorLine()).contains("does not drop column orders.total");

        CliRun run = p.cli.run("revision", "--autogenerate", "-m", "rename", "--rename-column",
                "orders.total_dollars:amount");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("~ rename column orders.total_dollars to amount", "+ column public.orders.note");
        List<String> files = p.newMigrations(before);
        assertThat(files).hasSize(3);
        assertThat(String.join("\n", files)).contains("phase: contract", "CREATE TRIGGER", "ADD COLUMN note text");
        CliRun check = p.cli.run("check");
        assertThat(check.exitCode()).as("%s", check).isZero();
        CliRun lint = p.cli.run("lint");
        assertThat(lint.exitCode()).as("%s", lint).isZero();
        assertThat(lint.out()).as("%s", lint).contains("0 errors, 0 warnings");
        assertThat(p.cli.run("upgrade", "head").exitCode()).isZero();
        assertThat(p.cli.run("drift").exitCode()).isZero();
    }

    @Test
    void severalHints_aTableAndTwoColumnsRenamed_eachByItsGenerator_reachingSchemaExactly() {
        SchemaProject p = new SchemaProject(dir).orders("id bigint PRIMARY KEY, total_dollars numeric(12,2), memo text")
                .schema("orders.sql", "CREATE TABLE purchases (id bigint PRIMARY KEY, amount numeric(12,2), note text);");
        List<Path> before = p.migrations();

        CliRun run = p.cli.run("revision", "--autogenerate", "-m", "renames", "--rename-table", "orders:purchases",
                "--rename-column", "purchases.total_dollars:amount", "--rename-column", "purchases.memo:note");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("~ rename table orders to purchases", "~ rename column purchases.total_dollars to amount",
                "~ rename column purchases.memo to note");
        List<String> files = p.newMigrations(before);
        assertThat(files).as("two per generator, and the rest").hasSize(7);
        // the renamed table keeps orders_pkey; schema/ calls it purchases_pkey: renamed, not built again
        assertThat(files.stream().filter(f -> f.contains("-- message: renames")).findFirst().orElseThrow()).contains("RENAME CONSTRAINT orders_pkey TO purchases_pkey")
                .doesNotContain("CREATE UNIQUE INDEX");
        assertThat(p.cli.run("check").exitCode()).isZero();
        CliRun lint = p.cli.run("lint");
        assertThat(lint.out()).as("%s", lint).contains("0 errors, 0 warnings");
        assertThat(p.cli.run("upgrade", "head").exitCode()).isZero();
        assertThat(p.cli.run("drift").exitCode()).isZero();
    }

    @Test
    void missingSchemaDirectory_orSqlErrorInAFile_exits2_namingFileAndLine() {
        SchemaProject p = new SchemaProject(dir).orders(ORDERS);

        CliRun none = p.cli.run("revision", "--autogenerate", "-m", "x");
        assertThat(none.exitCode()).as("%s", none).isEqualTo(2);
        assertThat(none.errorLine()).contains("schema/ does not exist");

        p.schema("01_ok.sql", "CREATE TABLE a (id int);\n")
                .schema("tables/bad.sql", "CREATE TABLE b (id int);\n\nCREATE TABLE c (id int REFERENCES nowhere);\n");
        CliRun bad = p.cli.run("check");
        assertThat(bad.exitCode()).as("%s", bad).isEqualTo(2);
        assertThat(bad.errorLine()).contains("schema/tables/bad.sql:3:", "nowhere");
    }
}
