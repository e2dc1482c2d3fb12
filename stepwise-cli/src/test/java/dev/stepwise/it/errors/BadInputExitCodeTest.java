package dev.stepwise.it.errors;

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
 * Bad targets and bad migration files are bad input: exit 2, one line naming what is wrong and
 * the files at fault, and nothing applied.
 */
class BadInputExitCodeTest {

    @TempDir
    Path dir;

    private Project project;
    private Cli cli;
    private Evidence evidence;

    @BeforeEach
    void project() {
        TestDatabase db = TestPostgres.server().newDatabase();
        project = Project.in(dir);
        cli = Cli.on(db, project);
        evidence = Evidence.of(db);
    }

    private Path migration(String revision, String down) {
        return project.add(plain(revision, down));
    }

    private static MigrationText plain(String revision, String down) {
        return MigrationText.of(revision, down).up("CREATE TABLE t_" + revision + " (id int);")
                .down("DROP TABLE t_" + revision + ";");
    }

    private CliRun badInput(String... args) {
        CliRun run = cli.run(args);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        return run;
    }

    @Test
    void unknownRevisionTarget_isBadInput() {
        migration("a1", "none");

        assertThat(badInput("upgrade", "zz9").errorLine()).contains("unknown revision 'zz9'");
        assertThat(evidence.tableExists("t_a1")).isFalse();
    }

    @Test
    void ambiguousPrefix_isBadInput() {
        migration("ab1", "none");
        migration("ab2", "ab1");

        assertThat(badInput("upgrade", "ab").errorLine()).contains("'ab' is ambiguous").contains("ab1").contains("ab2");
        assertThat(evidence.tableExists("t_ab1")).isFalse();
    }

    @Test
    void cycle_isBadInput_namingTheFiles() {
        Path a = migration("a1", "b2");
        Path b = migration("b2", "a1");

        assertThat(badInput("upgrade", "head").errorLine()).contains("cycle").contains(a.toString()).contains(b.toString());
    }

    @Test
    void duplicateRevision_isBadInput_namingBothFiles() {
        Path first = migration("a1", "none");
        Path second = migration("a1", "none");

        assertThat(badInput("upgrade", "head").errorLine()).contains("a1 is defined twice")
                .contains(first.toString()).contains(second.toString());
    }

    @Test
    void missingParent_isBadInput_namingTheFile() {
        migration("a1", "none");
        Path orphan = migration("b2", "zz9");

        assertThat(badInput("upgrade", "head").errorLine()).contains(orphan.toString()).contains("zz9");
    }

    @Test
    void unlabelledSecondRoot_isBadInput_namingBothRoots() {
        Path first = migration("a1", "none");
        Path second = migration("b2", "none");

        assertThat(badInput("upgrade", "head").errorLine()).contains("unlabelled second root")
                .contains(first.toString()).contains(second.toString());
    }

    @Test
    void upgradeHead_withTwoHeads_isBadInput() {
        migration("a1", "none");
        migration("b2", "a1");
        migration("c3", "a1");

        assertThat(badInput("upgrade", "head").errorLine()).contains("b2").contains("c3");
        assertThat(evidence.tableExists("t_a1")).isFalse();
    }

    @Test
    void malformedHeader_isBadInput_namingFileAndLine() {
        Path file = project.write("a1", "-- revision: a1\n-- down_revision: none\n-- revison: a2\n\n"
                + "-- +up\nSELECT 1;\n\n-- +down\nSELECT 1;\n");

        assertThat(badInput("upgrade", "head").errorLine()).contains(file + ":3");
    }

    @Test
    void batchThatWouldChangeRowsTwice_isRefusedBeforeAnythingRuns() {
        migration("a1", "none");
        MigrationText b2 = MigrationText.of("b2", "a1")
                .up("-- stepwise:batch size=100\nUPDATE t_a1 SET id = id + 1;")
                .down("SELECT 1;");
        Path batched = project.add(b2);

        CliRun run = badInput("upgrade", "head");

        // the UPDATE, on the line below its directive
        assertThat(run.errorLine()).contains(batched + ":" + (b2.upLine() + 2)).contains("revision b2")
                .contains("needs a WHERE that leaves out the rows already done");
        assertThat(evidence.tableExists("t_a1")).as("refused before anything ran").isFalse();
    }
}
