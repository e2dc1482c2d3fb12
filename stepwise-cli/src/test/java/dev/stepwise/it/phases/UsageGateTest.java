package dev.stepwise.it.phases;

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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract gate's usage check: where the database has {@code pg_stat_statements}, a contract
 * waits while statements using the names it removes still run, and whenever the counters cannot
 * tell (a reset, an entry gone, no baseline); each closed answer takes a new baseline.
 */
class UsageGateTest {

    private static final String OLD_CODE = "SELECT id, total_dollars FROM orders WHERE id = ?";
    private static final String OTHER_CODE = "SELECT id, note FROM orders WHERE id = ?";

    @TempDir
    Path dir;

    private TestDatabase db;
    private Project project;
    private Cli cli;
    private Evidence evidence;

    @BeforeEach
    void expandedDatabaseWithStatementCounters() {
        db = TestPostgres.server().newDatabase();
        db.execute("CREATE EXTENSION pg_stat_statements");
        project = Project.in(dir);
        project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE orders (id bigint PRIMARY KEY, total_dollars numeric(10, 2), note text);")
                .down("DROP TABLE orders;"));
        cli = Cli.on(db, project);
        evidence = Evidence.of(db);
        assertThat(cli.run("upgrade", "head").exitCode()).isZero();
    }

    private void expandAndContract() {
        project.add(MigrationText.of("e2", "a1").header("phase", "expand")
                .up("ALTER TABLE orders ADD COLUMN total_cents bigint;")
                .down("ALTER TABLE orders DROP COLUMN total_cents;"));
        project.add(MigrationText.of("c3", "e2").header("phase", "contract").header("expands", "e2")
                .header("reversible", "lossy")
                .up("ALTER TABLE orders DROP COLUMN total_dollars;")
                .down("ALTER TABLE orders ADD COLUMN total_dollars numeric(10, 2);"));
    }

    /** The running code: one statement, prepared and run {@code times} times. */
    private void run(String sql, int times) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < times; i++) {
                s.setLong(1, i);
                s.executeQuery().close();
            }
        }
    }

    private CliRun upgrade() {
        CliRun run = cli.run("upgrade", "head");
        assertThat(run.exitCode()).as("%s", run).isZero();
        return run;
    }

    @Test
    void contractWaitsWhileOldCodeStillUsesTheColumn_andRunsOnceNothingDidSinceTheLastLook() throws SQLException {
        run(OLD_CODE, 2);
        expandAndContract();
        assertThat(upgrade().out()).contains("upgrade e2").contains("waiting: c3: its expand migration e2");

        run(OLD_CODE, 3);
        CliRun stillUsed = upgrade();

        assertThat(stillUsed.out()).contains("waiting: c3: statements using orders.total_dollars ran since")
                .contains("`SELECT id, total_dollars FROM orders WHERE id = $1` ran 3 times");
        assertThat(evidence.versionRows()).containsExactly("e2");

        CliRun quiet = upgrade();

        assertThat(quiet.out()).contains("upgrade c3");
        assertThat(evidence.versionRows()).containsExactly("c3");
    }

    @Test
    void statementsThatDoNotUseTheRemovedNames_doNotHoldTheContract() throws SQLException {
        expandAndContract();
        upgrade();

        run(OTHER_CODE, 5);
        run("SELECT count(*) FROM orders WHERE id > ?", 5);

        assertThat(upgrade().out()).contains("upgrade c3");
    }

    @Test
    void aStatementFirstSeenAfterTheExpand_holdsTheContract() throws SQLException {
        expandAndContract();
        upgrade();

        run(OLD_CODE, 1);

        assertThat(upgrade().out()).contains("`SELECT id, total_dollars FROM orders WHERE id = $1` ran 1 times (new since)");
        assertThat(evidence.versionRows()).containsExactly("e2");
    }

    @Test
    void aResetOfTheCounters_makesTheAnswerUnknown_andKeepsTheGateClosedOnce() {
        expandAndContract();
        upgrade();

        db.value("SELECT pg_stat_statements_reset()::text");

        assertThat(upgrade().out()).contains("waiting: c3: unknown whether statements using orders.total_dollars ran")
                .contains("pg_stat_statements was reset");
        assertThat(upgrade().out()).contains("upgrade c3");
    }

    @Test
    void anEntryGoneSinceTheBaseline_makesTheAnswerUnknown() throws SQLException {
        run(OLD_CODE, 2);
        expandAndContract();
        upgrade();

        String here = "(SELECT oid FROM pg_database WHERE datname = current_database())";
        String queryid = db.value("SELECT DISTINCT queryid::text FROM pg_stat_statements WHERE dbid = " + here
                + " AND query LIKE 'SELECT id, total_dollars FROM orders%'");
        db.value("SELECT pg_stat_statements_reset(0, " + here + ", " + queryid + ")::text");

        assertThat(upgrade().out()).contains("waiting: c3: unknown whether")
                .contains("`SELECT id, total_dollars FROM orders WHERE id = $1` (its entry is gone)");
        assertThat(evidence.versionRows()).containsExactly("e2");
    }

    @Test
    void aContractWithoutAnExpand_waitsForABaselineOfItsOwnFirst() throws SQLException {
        project.add(MigrationText.of("d2", "a1").header("phase", "contract").header("reversible", "lossy")
                .up("ALTER TABLE orders DROP COLUMN note;")
                .down("ALTER TABLE orders ADD COLUMN note text;"));

        assertThat(upgrade().out()).contains("waiting: c3".replace("c3", "d2"))
                .contains("there is no baseline of pg_stat_statements since the expand; one was taken now");
        run(OTHER_CODE, 2);
        assertThat(upgrade().out()).contains("statements using orders.note ran since");
        assertThat(upgrade().out()).contains("upgrade d2");
        assertThat(baselineRows()).isPositive();
    }

    private long baselineRows() throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT count(*) FROM public.stepwise_version_usage")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void forceContract_passesAClosedUsageCheck_recordedAsUnsafeForced() throws SQLException {
        expandAndContract();
        upgrade();
        run(OLD_CODE, 1);

        CliRun forced = cli.run("upgrade", "head", "--force-contract");

        assertThat(forced.exitCode()).as("%s", forced).isZero();
        assertThat(forced.err()).contains("--force-contract: applying contract migration c3 although statements"
                + " using orders.total_dollars ran since");
        assertThat(evidence.wholeRows("c3", "up", "unsafe-forced")).isEqualTo(1);
    }
}
