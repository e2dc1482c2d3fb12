package dev.stepwise.it.runner;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Evidence;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The version-table change is a compare-and-set inside the migration's own transaction. */
class VersionCompareAndSetTest {

    @TempDir
    Path dir;

    @Test
    void versionRowGoneUnderTheRun_rollsBackTheWholeMigration() {
        TestDatabase db = TestPostgres.server().newDatabase();
        Project project = Project.in(dir);
        project.add(MigrationText.of("a1", "none").up("CREATE TABLE t1 (id int);").down("DROP TABLE t1;"));
        // stands in for another process that moves the version table without the run lock
        project.add(MigrationText.of("b2", "a1")
                .up("CREATE TABLE t2 (id int);\nDELETE FROM stepwise_version;")
                .down("DROP TABLE t2;"));
        Evidence evidence = Evidence.of(db);

        CliRun run = Cli.on(db, project).run("upgrade", "head");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errorLine()).contains("version table changed").contains("a1");
        assertThat(evidence.versionRows()).containsExactly("a1");
        assertThat(evidence.tableExists("t2")).isFalse();
        assertThat(evidence.wholeRows("b2", "up", "success")).isZero();
    }

    @Test
    void versionRowGoneAfterTheFinishingStatementIsPrepared_stillRollsBackTheWholeMigration() {
        TestDatabase db = TestPostgres.server().newDatabase();
        Project project = Project.in(dir);
        // past PostgreSQL's fifth execution of a prepared statement, where it may switch to a generic plan
        String parent = "none";
        for (int i = 1; i <= 8; i++) {
            project.add(MigrationText.of("m" + i, parent).up("CREATE TABLE t" + i + " (id int);").down("DROP TABLE t" + i + ";"));
            parent = "m" + i;
        }
        project.add(MigrationText.of("m9", parent)
                .up("CREATE TABLE t9 (id int);\nDELETE FROM stepwise_version;")
                .down("DROP TABLE t9;"));
        Evidence evidence = Evidence.of(db);

        CliRun run = Cli.on(db, project).run("upgrade", "head");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errorLine()).contains("version table changed").contains("m8");
        assertThat(evidence.versionRows()).containsExactly("m8");
        assertThat(evidence.tableExists("t9")).isFalse();
        assertThat(evidence.wholeRows("m9", "up", "success")).isZero();
    }
}
