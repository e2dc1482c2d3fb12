package dev.stepwise.it.phases;

import dev.stepwise.Stepwise;
import dev.stepwise.command.RunResult;
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
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expand and contract in separate runs: a contract migration never runs in the run that applied
 * its expand, nor before contract_delay; a new database is exempt, and --force-contract is recorded.
 */
class ContractGateTest {

    @TempDir
    Path dir;

    private TestDatabase db;
    private Project project;
    private Cli cli;
    private Evidence evidence;

    @BeforeEach
    void project() {
        db = TestPostgres.server().newDatabase();
        project = Project.in(dir);
        project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE orders (id bigint PRIMARY KEY, total_dollars numeric(10, 2));")
                .down("DROP TABLE orders;"));
        cli = Cli.on(db, project);
        evidence = Evidence.of(db);
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

    @Test
    void newDatabase_getsExpandAndContractInOneRun() {
        expandAndContract();

        CliRun run = cli.run("upgrade", "head");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(evidence.versionRows()).containsExactly("c3");
    }

    @Test
    void contractAfterItsExpandInTheSameRun_waitsForTheNextRun_andTheRunExitsZero() {
        assertThat(cli.run("upgrade", "head").exitCode()).isZero();
        expandAndContract();

        CliRun first = cli.run("upgrade", "head");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("upgrade e2").doesNotContain("upgrade c3")
                .contains("waiting: c3: its expand migration e2 was applied in this run");
        assertThat(evidence.versionRows()).containsExactly("e2");

        CliRun second = cli.run("upgrade", "head");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).contains("upgrade c3");
        assertThat(evidence.versionRows()).containsExactly("c3");
        assertThat(evidence.wholeRows("c3", "up", "success")).isEqualTo(1);
    }

    @Test
    void contractDelay_holdsTheContractUntilItHasPassedSinceTheExpand() {
        assertThat(cli.run("upgrade", "head").exitCode()).isZero();
        expandAndContract();
        Instant now = Instant.now();

        RunResult expand = upgradeAt(now);
        RunResult tooSoon = upgradeAt(now.plus(Duration.ofMinutes(30)));
        RunResult later = upgradeAt(now.plus(Duration.ofMinutes(61)));

        assertThat(expand.migrations()).extracting(m -> m.revision()).containsExactly("e2");
        assertThat(tooSoon.migrations()).isEmpty();
        assertThat(tooSoon.waiting()).singleElement().satisfies(w -> {
            assertThat(w.revision()).isEqualTo("c3");
            assertThat(w.reason()).contains("contract_delay is 1h").contains("e2 was applied 30m ago");
        });
        assertThat(later.migrations()).extracting(m -> m.revision()).containsExactly("c3");
    }

    private RunResult upgradeAt(Instant instant) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(db.url());
        ds.setUser(db.server().user());
        try (Stepwise stepwise = Stepwise.configure().projectDirectory(project.root()).dataSource(ds)
                .contractDelay(Duration.ofHours(1)).clock(Clock.fixed(instant, ZoneOffset.UTC)).build()) {
            return stepwise.upgrade("head");
        }
    }

    @Test
    void forceContract_appliesItInTheSameRun_recordedAsUnsafeForced() {
        assertThat(cli.run("upgrade", "head").exitCode()).isZero();
        expandAndContract();

        CliRun forced = cli.run("upgrade", "head", "--force-contract");

        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.err()).contains("--force-contract: applying contract migration c3");
        assertThat(evidence.versionRows()).containsExactly("c3");
        assertThat(evidence.wholeRows("c3", "up", "unsafe-forced")).isEqualTo(1);
        assertThat(cli.run("current").out()).contains("c3");
    }

    @Test
    void phaseExpand_appliesEverythingButContractMigrationsAndWhatDescendsFromThem() {
        assertThat(cli.run("upgrade", "head").exitCode()).isZero();
        expandAndContract();
        project.add(MigrationText.of("d4", "c3").up("CREATE TABLE after_contract (id int);")
                .down("DROP TABLE after_contract;"));

        CliRun expandOnly = cli.run("upgrade", "head", "--phase", "expand");

        assertThat(expandOnly.exitCode()).as(expandOnly.toString()).isZero();
        assertThat(expandOnly.out()).contains("upgrade e2")
                .contains("waiting: c3: contract migration: run `stepwise upgrade` after the code deploy")
                .contains("waiting: d4: descends from contract migration c3");
        assertThat(evidence.versionRows()).containsExactly("e2");
    }

    @Test
    void runThatResumesAnUnfinishedRunFromBase_isStillANewDatabase() {
        expandAndContract();
        Path broken = project.add(MigrationText.of("f4", "c3").up("CREATE TABLE later (id no_such_type);")
                .down("DROP TABLE later;"));
        assertThat(cli.run("upgrade", "head").exitCode()).isEqualTo(1);
        assertThat(evidence.versionRows()).containsExactly("c3");

        Project.edit(broken, "no_such_type", "int");
        CliRun resumed = cli.run("upgrade", "head");

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(evidence.versionRows()).containsExactly("f4");
    }
}
