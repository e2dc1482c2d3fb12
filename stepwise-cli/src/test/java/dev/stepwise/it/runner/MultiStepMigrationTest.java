package dev.stepwise.it.runner;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.Evidence.HistoryLine;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A migration with {@code CREATE INDEX CONCURRENTLY} between transactional statements runs as
 * three steps, each recorded as it completes; a failing concurrent step keeps the earlier step,
 * removes the INVALID index it left, and the next run resumes at that step.
 */
class MultiStepMigrationTest {

    @TempDir
    Path dir;

    private TestDatabase db;
    private Cli cli;
    private Evidence evidence;
    private Path stepped;
    private int concurrentLine;

    @BeforeEach
    void project() {
        db = TestPostgres.server().newDatabase();
        Project project = Project.in(dir);
        project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE items (id int PRIMARY KEY, code text);\n"
                        + "INSERT INTO items VALUES (1, 'x'), (2, 'y');")
                .down("DROP TABLE items;"));
        MigrationText b2 = MigrationText.of("b2", "a1")
                .up("ALTER TABLE items ADD COLUMN note text;\n"
                        + "CREATE UNIQUE INDEX CONCURRENTLY items_code_key ON items (code);\n"
                        + "COMMENT ON COLUMN items.note IS 'free text';")
                .down("DROP INDEX CONCURRENTLY items_code_key;\nALTER TABLE items DROP COLUMN note;");
        stepped = project.add(b2);
        concurrentLine = b2.upLine() + 2;
        cli = Cli.on(db, project);
        evidence = Evidence.of(db);
    }

    @Test
    void concurrentIndexBetweenTransactionalStatements_runsAsThreeRecordedSteps() {
        CliRun run = cli.run("upgrade", "head");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(evidence.stepRows("b2")).extracting(HistoryLine::step, HistoryLine::stepsTotal, HistoryLine::outcome)
                .containsExactly(step(1, "success"), step(2, "success"), step(3, "success"));
        assertThat(evidence.wholeRows("b2", "up", "success")).isEqualTo(1);
        assertThat(evidence.indexValid("items_code_key")).contains(true);
        assertThat(db.value("SELECT col_description('items'::regclass, 3)")).isEqualTo("free text");
        assertThat(evidence.versionRows()).containsExactly("b2");
    }

    @Test
    void multiStepMigration_goesDownAndUpAgain_recordingEachDirection() {
        assertThat(cli.run("upgrade", "head").exitCode()).isZero();

        CliRun down = cli.run("downgrade", "-1");

        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(evidence.indexValid("items_code_key")).isEmpty();
        assertThat(evidence.columnExists("items", "note")).isFalse();
        assertThat(evidence.versionRows()).containsExactly("a1");
        assertThat(evidence.stepRows("b2")).filteredOn(h -> h.direction().equals("down"))
                .extracting(HistoryLine::step, HistoryLine::stepsTotal, HistoryLine::outcome)
                .containsExactly(tuple(1, 2, "success"), tuple(2, 2, "success"));

        CliRun up = cli.run("upgrade", "head");

        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(evidence.indexValid("items_code_key")).contains(true);
        assertThat(evidence.wholeRows("b2", "up", "success")).isEqualTo(2);
        assertThat(evidence.wholeRows("b2", "down", "success")).isEqualTo(1);
    }

    @Test
    void failingConcurrentStep_keepsStepOne_dropsTheInvalidIndex_andTheNextRunResumesAtThatStep() {
        // a1's table made by hand and stamped, with data the unique index cannot accept
        db.execute("CREATE TABLE items (id int PRIMARY KEY, code text)");
        assertThat(cli.run("stamp", "a1").exitCode()).isZero();
        db.execute("INSERT INTO items VALUES (1, 'x'), (2, 'x')");

        CliRun failed = cli.run("upgrade", "head");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.errorLine()).contains(stepped + ":" + concurrentLine).contains("revision b2")
                .contains("could not create unique index").contains("the next run resumes at step 2");
        assertThat(evidence.columnExists("items", "note")).as("step 1 committed").isTrue();
        assertThat(evidence.indexValid("items_code_key")).as("the failed build's INVALID index, dropped").isEmpty();
        assertThat(evidence.versionRows()).containsExactly("a1");
        assertThat(evidence.stepRows("b2")).extracting(HistoryLine::step, HistoryLine::outcome)
                .containsExactly(tuple(1, "success"), tuple(2, "failed"));

        // the data fixed, the next run goes on at step 2: step 1 is not repeated
        db.execute("DELETE FROM items WHERE id = 2");
        CliRun resumed = cli.run("upgrade", "head");

        assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
        assertThat(resumed.err()).contains("resuming revision b2 at step 2 of 3");
        assertThat(evidence.indexValid("items_code_key")).contains(true);
        assertThat(db.value("SELECT col_description('items'::regclass, 3)")).isEqualTo("free text");
        assertThat(evidence.versionRows()).containsExactly("b2");
        assertThat(evidence.wholeRows("b2", "up", "success")).isEqualTo(1);
        assertThat(evidence.stepRows("b2")).extracting(HistoryLine::step, HistoryLine::outcome)
                .containsExactly(tuple(1, "success"), tuple(2, "failed"), tuple(2, "success"), tuple(3, "success"));
    }

    @Test
    void migrationStoppedPartWay_isNotStampedOver_norRevertedBeforeItIsFinished() {
        db.execute("CREATE TABLE items (id int PRIMARY KEY, code text)");
        assertThat(cli.run("stamp", "a1").exitCode()).isZero();
        db.execute("INSERT INTO items VALUES (1, 'x'), (2, 'x')");
        assertThat(cli.run("upgrade", "head").exitCode()).isEqualTo(1);

        CliRun stamp = cli.run("stamp", "b2");
        CliRun down = cli.run("downgrade", "base");

        assertThat(stamp.exitCode()).as(stamp.toString()).isEqualTo(1);
        assertThat(stamp.errorLine()).contains("revision b2").contains("after step 1 of 3")
                .contains("`stepwise upgrade b2` resumes it at step 2");
        assertThat(down.exitCode()).as(down.toString()).isEqualTo(1);
        assertThat(down.errorLine()).contains("finish it first");
        assertThat(evidence.versionRows()).containsExactly("a1");
    }

    @Test
    void repairAbandon_closesTheAttempt_afterTheUserUndidItsSteps() {
        db.execute("CREATE TABLE items (id int PRIMARY KEY, code text)");
        assertThat(cli.run("stamp", "a1").exitCode()).isZero();
        db.execute("INSERT INTO items VALUES (1, 'x'), (2, 'x')");
        assertThat(cli.run("upgrade", "head").exitCode()).isEqualTo(1);
        db.execute("DELETE FROM items WHERE id = 2");
        db.execute("ALTER TABLE items DROP COLUMN note");

        CliRun repaired = cli.run("repair", "--abandon");
        CliRun again = cli.run("upgrade", "head");

        assertThat(repaired.exitCode()).as(repaired.toString()).isZero();
        assertThat(repaired.out()).contains("abandoned the partial up of b2");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(evidence.columnExists("items", "note")).isTrue();
        assertThat(evidence.indexValid("items_code_key")).contains(true);
        assertThat(evidence.versionRows()).containsExactly("b2");
    }

    @Test
    void failingFirstTransactionalStep_keepsNothing_soTheFixedFileAppliesWithoutRepair() {
        Project.edit(stepped, "ADD COLUMN note text", "ADD COLUMN note no_such_type");

        CliRun failed = cli.run("upgrade", "head");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.errorLine()).contains(stepped + ":" + (concurrentLine - 1)).contains("revision b2");
        assertThat(evidence.columnExists("items", "note")).isFalse();
        assertThat(evidence.indexValid("items_code_key")).isEmpty();
        assertThat(evidence.versionRows()).containsExactly("a1");
        assertThat(evidence.history()).filteredOn(h -> h.revision().equals("b2"))
                .extracting(HistoryLine::outcome).containsExactly("failed");

        Project.edit(stepped, "ADD COLUMN note no_such_type", "ADD COLUMN note text");
        CliRun fixed = cli.run("upgrade", "head");

        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
        assertThat(evidence.indexValid("items_code_key")).contains(true);
        assertThat(evidence.versionRows()).containsExactly("b2");
    }

    private static Tuple step(int step, String outcome) {
        return tuple(step, 3, outcome);
    }
}
