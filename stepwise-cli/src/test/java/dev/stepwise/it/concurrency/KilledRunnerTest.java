package dev.stepwise.it.concurrency;

import dev.stepwise.it.ChildRun;
import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.Evidence.Backend;
import dev.stepwise.it.Evidence.HistoryLine;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Poll;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A runner killed with {@code kill -9} in the middle of a migration: the next run needs no manual
 * step for a transactional migration (the server rolled it back), ends the killed run's backends,
 * and reads back a concurrent step it killed before resuming there.
 */
class KilledRunnerTest {

    private static final Duration CHILD_START = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private TestDatabase db;
    private Project project;
    private Evidence evidence;

    @BeforeEach
    void database() {
        db = TestPostgres.server().newDatabase();
        project = Project.in(dir.resolve("project"));
        evidence = Evidence.of(db);
    }

    @AfterEach
    void noRunnerLeftBehind() {
        ChildRun.killLeftovers();
    }

    @Test
    void killedDuringATransactionalMigration_nextUpgradeAppliesEverythingOnce() {
        // b2 takes as long as the pause table says: long while the test kills its runner, then no time
        project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE pause (seconds int);\nINSERT INTO pause VALUES (30);")
                .down("DROP TABLE pause;"));
        project.add(MigrationText.of("b2", "a1")
                .up("CREATE TABLE invoices (id int);\nSELECT pg_sleep(seconds) FROM pause;")
                .down("DROP TABLE invoices;"));
        project.add(MigrationText.of("c3", "b2").up("CREATE TABLE payments (id int);").down("DROP TABLE payments;"));
        Cli cli = Cli.on(db, project);
        ChildRun child = cli.start(dir.resolve("logs"), "upgrade", "head");

        Backend sleeping = Poll.until("the child's work connection in pg_sleep", CHILD_START,
                () -> evidence.backends("stepwise-%-work").stream()
                        .filter(b -> b.state().equals("active") && b.query().contains("pg_sleep")).findFirst());
        child.kill();

        db.execute("UPDATE pause SET seconds = 0");
        CliRun next = cli.run("upgrade", "head");

        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(evidence.backendAlive(sleeping.pid())).as("the killed run's backend").isFalse();
        assertThat(evidence.versionRows()).containsExactly("c3");
        assertThat(List.of("a1", "b2", "c3")).allSatisfy(r ->
                assertThat(evidence.wholeRows(r, "up", "success")).as(r).isEqualTo(1));
        // The killed attempt left its running row, which the next run recorded as interrupted.
        assertThat(evidence.wholeRows("b2", "up", "interrupted")).isEqualTo(1);
        assertThat(evidence.history()).extracting(HistoryLine::outcome).containsOnly("success", "interrupted");
        assertThat(evidence.tableExists("invoices")).isTrue();
    }

    @Test
    void killedDuringAConcurrentStep_nextRunDropsTheInvalidIndexAndResumesAtThatStep() throws Exception {
        project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE items (id int PRIMARY KEY, code text);\nINSERT INTO items VALUES (1, 'x');")
                .down("DROP TABLE items;"));
        project.add(MigrationText.of("b2", "a1")
                .up("ALTER TABLE items ADD COLUMN note text;\n"
                        + "CREATE INDEX CONCURRENTLY items_code ON items (code);\n"
                        + "COMMENT ON COLUMN items.note IS 'free text';")
                .down("DROP INDEX CONCURRENTLY items_code;\nALTER TABLE items DROP COLUMN note;"));
        Cli cli = Cli.on(db, project);
        assertThat(cli.run("upgrade", "a1").exitCode()).isZero();
        // An open snapshot the concurrent build must wait out; it locks nothing step 1 needs.
        try (Connection old = db.connect(); Statement s = old.createStatement()) {
            old.setAutoCommit(false);
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            s.execute("SELECT 1");
            ChildRun child = cli.start(dir.resolve("logs"), "upgrade", "head");

            Backend building = Poll.until("the child's concurrent build waiting for the old snapshot", CHILD_START,
                    () -> evidence.backends("stepwise-%-work").stream()
                            .filter(b -> b.query().startsWith("CREATE INDEX CONCURRENTLY")
                                    && b.waitEventType().equals("Lock")).findFirst());
            child.kill();
            Poll.until("the killed run's build to end", CHILD_START, () -> !evidence.backendAlive(building.pid()));
            assertThat(evidence.indexValid("items_code")).as("the build's leftover").contains(false);
            old.rollback();

            CliRun next = cli.run("upgrade", "head");

            assertThat(next.exitCode()).as(next.toString()).isZero();
            assertThat(next.err()).contains("resuming revision b2 at step 2 of 3")
                    .contains("index items_code is INVALID");
            assertThat(evidence.stepRows("b2")).extracting(HistoryLine::step, HistoryLine::outcome)
                    .containsExactly(tuple(1, "success"), tuple(2, "interrupted"), tuple(2, "success"),
                            tuple(3, "success"));
            assertThat(evidence.indexValid("items_code")).as("built again").contains(true);
            assertThat(evidence.versionRows()).containsExactly("b2");
        }
    }

    @Test
    void orphanThatKeepsRunning_isEndedByTheNextRun() throws Exception {
        project.add(MigrationText.of("a1", "none").up("CREATE TABLE accounts (id int);").down("DROP TABLE accounts;"));
        // A work backend whose run has no lock backend any more, and which does not notice on its
        // own (as before PostgreSQL 14): here its client is a test thread that is still there.
        CompletableFuture<String> orphan = CompletableFuture.supplyAsync(() -> {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("SET application_name = 'stepwise-0badc0de-work'");
                s.execute("SELECT pg_sleep(60)");
                return "finished its sleep";
            } catch (SQLException e) {
                return e.getSQLState();
            }
        });
        Backend sleeping = Poll.until("the orphan in pg_sleep", CHILD_START,
                () -> evidence.backends("stepwise-0badc0de-work").stream()
                        .filter(b -> b.query().contains("pg_sleep")).findFirst());

        CliRun next = Cli.on(db, project).run("upgrade", "head");

        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.err()).contains("ending backend pid " + sleeping.pid() + " of a killed run");
        assertThat(orphan.get(30, TimeUnit.SECONDS)).as("SQLSTATE of the orphan").isEqualTo("57P01");
        assertThat(evidence.versionRows()).containsExactly("a1");
    }
}
