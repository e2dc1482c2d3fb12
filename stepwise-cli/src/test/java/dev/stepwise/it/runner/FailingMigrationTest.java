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

/** A transactional migration that fails part-way leaves nothing behind but a failed history row. */
class FailingMigrationTest {

    @TempDir
    Path dir;

    @Test
    void secondStatementFails_rollsBackTheFirst_recordsTheFailure_andTheFixedFileAppliesNextTime() {
        TestDatabase db = TestPostgres.server().newDatabase();
        Project project = Project.in(dir);
        project.add(MigrationText.of("a1", "none").up("CREATE TABLE accounts (id int);").down("DROP TABLE accounts;"));
        MigrationText broken = MigrationText.of("b2", "a1")
                .up("CREATE TABLE invoices (id int);\nINSERT INTO no_such_table VALUES (1);")
                .down("DROP TABLE invoices;");
        Path file = project.add(broken);
        Evidence evidence = Evidence.of(db);
        Cli cli = Cli.on(db, project);

        CliRun failed = cli.run("upgrade", "head");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        int failingLine = broken.upLine() + 2;
        assertThat(failed.errorLine()).contains(file + ":" + failingLine).contains("revision b2")
                .contains("no_such_table");
        assertThat(failed.err()).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(evidence.tableExists("invoices")).as("the first statement's table").isFalse();
        assertThat(evidence.tableExists("accounts")).as("the migration before it, committed on its own").isTrue();
        assertThat(evidence.versionRows()).containsExactly("a1");
        assertThat(evidence.wholeRows("b2", "up", "failed")).isEqualTo(1);
        assertThat(evidence.wholeRows("b2", "up", "success")).isZero();

        Project.edit(file, "no_such_table", "invoices");
        CliRun fixed = cli.run("upgrade", "head");

        assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
        assertThat(evidence.tableExists("invoices")).isTrue();
        assertThat(evidence.versionRows()).containsExactly("b2");
        assertThat(evidence.wholeRows("b2", "up", "success")).isEqualTo(1);
    }

    @Test
    void debugFlag_addsTheStackTrace() {
        TestDatabase db = TestPostgres.server().newDatabase();
        Project project = Project.in(dir);
        project.add(MigrationText.of("a1", "none").up("SELECT 1/0;").down("SELECT 1;"));

        CliRun failed = Cli.on(db, project).run("upgrade", "head", "--debug");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("\tat dev.stepwise.");
    }
}
