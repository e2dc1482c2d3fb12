package dev.stepwise.it.lint;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lint {@code upgrade} runs on each migration just before applying it, against the live
 * catalog and sizes: an error refuses the migration (recorded as a failed attempt, nothing of it
 * applied) unless allowed or {@code --unsafe} (recorded as unsafe-forced); {@code status} shows
 * each pending migration's verdict; {@code plan} lists the steps.
 */
class UpgradeLintTest {

    @TempDir
    Path dir;

    TestDatabase db;
    Project project;
    Cli cli;
    Evidence evidence;

    @BeforeEach
    void populatedOrders() {
        db = TestPostgres.server().newDatabase();
        project = Project.in(dir);
        cli = Cli.on(db, project);
        evidence = Evidence.of(db);
        project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE orders (id bigint PRIMARY KEY, status text, total integer);")
                .down("DROP TABLE orders;"));
        assertThat(cli.run("upgrade", "head").exitCode()).isZero();
        db.execute("INSERT INTO orders SELECT g, 'new', g FROM generate_series(1, 60000) g");
        db.execute("VACUUM ANALYZE orders");
    }

    private void indexBuild(String revision, String parent, String directive) {
        project.add(MigrationText.of(revision, parent)
                .up(directive + "CREATE INDEX ix_orders_status ON orders (status);")
                .down("DROP INDEX CONCURRENTLY ix_orders_status;"));
    }

    @Test
    void aMigrationWithAnErrorIsRefusedAsTheRunsFirst_recordedAsFailed_andNothingApplied() {
        indexBuild("b2", "a1", "");
        assertThat(cli.run("plan").out()).contains("lint error[create-index-non-concurrently] line 5:");

        CliRun run = cli.run("upgrade", "head");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.err()).contains("b2").contains("create-index-non-concurrently").contains("--unsafe");
        assertThat(evidence.versionRows()).containsExactly("a1");
        assertThat(evidence.wholeRows("b2", "up", "failed")).isEqualTo(1);
        assertThat(evidence.history()).noneMatch(h -> h.outcome().equals("running"));
        assertThat(db.value("SELECT count(*)::text FROM pg_indexes WHERE indexname = 'ix_orders_status'"))
                .isEqualTo("0");
    }

    @Test
    void aRefusalAfterAnAppliedMigrationClosesItsPreWrittenAttempt() {
        project.add(MigrationText.of("b2", "a1").up("ALTER TABLE orders ADD COLUMN note text;")
                .down("ALTER TABLE orders DROP COLUMN note;"));
        indexBuild("c3", "b2", "");

        CliRun run = cli.run("upgrade", "head");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(evidence.versionRows()).containsExactly("b2");
        assertThat(evidence.wholeRows("c3", "up", "failed")).isEqualTo(1);
        assertThat(evidence.history()).noneMatch(h -> h.outcome().equals("running"));
    }

    @Test
    void unsafeAppliesItAnyway_recordedAsUnsafeForced() {
        indexBuild("b2", "a1", "");

        CliRun run = cli.run("upgrade", "head", "--unsafe");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.err()).contains("applied anyway (--unsafe)");
        assertThat(evidence.versionRows()).containsExactly("b2");
        assertThat(evidence.wholeRows("b2", "up", "unsafe-forced")).isEqualTo(1);
    }

    @Test
    void anAllowWithAReasonLetsItRun_recordedAsSuccess() {
        indexBuild("b2", "a1", "-- stepwise:allow create-index-non-concurrently the table is read-only at night\n");

        CliRun run = cli.run("upgrade", "head");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(evidence.wholeRows("b2", "up", "success")).isEqualTo(1);
    }

    @Test
    void noLintSkipsTheCheck() {
        indexBuild("b2", "a1", "");

        assertThat(cli.run("upgrade", "head", "--no-lint").exitCode()).isZero();
        assertThat(evidence.wholeRows("b2", "up", "success")).isEqualTo(1);
    }

    @Test
    void errorsInTheDownDoNotStopAnUpgrade() {
        project.add(MigrationText.of("b2", "a1").up("CREATE INDEX CONCURRENTLY ix_orders_total ON orders (total);")
                .down("DROP INDEX ix_orders_total;"));
        assertThat(cli.run("status").out()).containsPattern("b2.*\\[lint: ok\\]");

        CliRun run = cli.run("upgrade", "head");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.err()).doesNotContain("drop-index-non-concurrently");
        CliRun lint = cli.run("lint");
        assertThat(lint.out()).contains("drop-index-non-concurrently");
    }

    @Test
    void statusShowsEachPendingVerdict_andWhatDependsOnAnEarlierPendingOne() {
        project.add(MigrationText.of("b2", "a1").up("CREATE TABLE notes (id bigint PRIMARY KEY, body text);")
                .down("DROP TABLE notes;"));
        project.add(MigrationText.of("c3", "b2").up("CREATE INDEX CONCURRENTLY ix_notes_body ON notes (body);")
                .down("DROP INDEX CONCURRENTLY ix_notes_body;"));
        indexBuild("d4", "c3", "");

        CliRun status = cli.run("status");

        assertThat(status.exitCode()).as("%s", status).isZero();
        assertThat(status.out()).containsPattern("b2.*\\[lint: ok\\]");
        assertThat(status.out()).containsPattern("c3.*\\[lint: known once b2 is applied\\]");
        assertThat(status.out()).containsPattern("d4.*\\[lint: refused: create-index-non-concurrently\\]");
    }

    @Test
    void statusTellsAForeignKeyToAPendingTableAndATriggerOnOne_fromMigrationsThatOnlyReadWhatAnotherReads() {
        project.add(MigrationText.of("b2", "a1").up("CREATE TABLE customers (id bigint PRIMARY KEY);")
                .down("DROP TABLE customers;"));
        project.add(MigrationText.of("c3", "b2")
                .up("CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));")
                .down("DROP TABLE invoices;"));
        project.add(MigrationText.of("d4", "c3")
                .up("CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;\n"
                        + "CREATE TRIGGER touch_invoices BEFORE UPDATE ON invoices FOR EACH ROW EXECUTE FUNCTION touch();")
                .down("DROP TRIGGER touch_invoices ON invoices;\nDROP FUNCTION touch();"));
        // names only orders, which no pending migration changes: judged on the live catalog
        project.add(MigrationText.of("e5", "d4").up("REINDEX TABLE orders;").down("SELECT 1;"));

        CliRun status = cli.run("status");

        assertThat(status.exitCode()).as("%s", status).isZero();
        assertThat(status.out()).containsPattern("c3.*\\[lint: known once b2 is applied\\]");
        assertThat(status.out()).containsPattern("d4.*\\[lint: known once c3 is applied\\]");
        assertThat(status.out()).containsPattern("e5.*\\[lint: refused: .*reindex-non-concurrently");
    }

    @Test
    void planListsEachStepWithItsLockTableSizeAndEstimate() {
        project.add(MigrationText.of("b2", "a1")
                .up("ALTER TABLE orders ADD CONSTRAINT ck_total CHECK (total > 0) NOT VALID;\n"
                        + "ALTER TABLE orders VALIDATE CONSTRAINT ck_total;\n"
                        + "CREATE INDEX CONCURRENTLY ix_orders_total ON orders (total);")
                .down("DROP INDEX CONCURRENTLY ix_orders_total;\nALTER TABLE orders DROP CONSTRAINT ck_total;"));

        CliRun plan = cli.run("plan");

        assertThat(plan.exitCode()).as("%s", plan).isZero();
        assertThat(plan.out()).contains("b2").contains("step 1, transaction").contains("step 3, autocommit")
                .containsPattern("ACCESS EXCLUSIVE on orders \\(60,000 rows")
                .containsPattern("SHARE UPDATE EXCLUSIVE on orders .*validating scan")
                .containsPattern("SHARE UPDATE EXCLUSIVE on orders .*concurrent build")
                .contains("Total:").contains("Checklist:");
        CliRun json = cli.run("--format", "json", "plan");
        assertThat(json.exitCode()).as("%s", json).isZero();
        assertThat(json.out()).contains("\"lock\" : \"SHARE UPDATE EXCLUSIVE\"").contains("\"estimate\" : \"PT");
    }

    @Test
    void planJson_writesSeveritiesAsLintJsonDoes() {
        indexBuild("b2", "a1", "");

        CliRun json = cli.run("--format", "json", "plan");

        assertThat(json.exitCode()).as("%s", json).isZero();
        assertThat(json.out()).contains("\"severity\" : \"error\"").doesNotContain("\"ERROR\"");
    }

    @Test
    void aMigrationThatDeallocatesTheSessionsStatementsDoesNotBlindTheNextLint() {
        // the catalog read is prepared once per session; DEALLOCATE ALL takes it away mid-run
        project.add(MigrationText.of("b2", "a1").up("DEALLOCATE ALL;\nALTER TABLE orders ADD COLUMN note text;")
                .down("ALTER TABLE orders DROP COLUMN note;"));
        indexBuild("c3", "b2", "");

        CliRun run = cli.run("upgrade", "head");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.err()).contains("c3").contains("create-index-non-concurrently");
        assertThat(evidence.versionRows()).containsExactly("b2");
    }
}
