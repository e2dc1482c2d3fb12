package dev.stepwise.it.runner;

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
 * Editing a statement of an applied migration stops every changing run until the file is
 * restored or the edit is accepted with {@code repair --yes}; editing a comment or the message
 * never does.
 */
class AppliedFileChecksumTest {

    @TempDir
    Path dir;

    private Cli cli;
    private Evidence evidence;
    private Path first;
    private Path second;

    @BeforeEach
    void appliedProject() {
        TestDatabase db = TestPostgres.server().newDatabase();
        Project project = Project.in(dir);
        first = project.add(MigrationText.of("a1", "none").header("message", "create accounts")
                .up("-- accounts of the shop\nCREATE TABLE accounts (id int);")
                .down("DROP TABLE accounts;"));
        second = project.add(MigrationText.of("b2", "a1")
                .up("CREATE TABLE invoices (id int);")
                .down("DROP TABLE invoices;"));
        cli = Cli.on(db, project);
        evidence = Evidence.of(db);
        CliRun applied = cli.run("upgrade", "head");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
    }

    @Test
    void editedStatement_stopsUpgrade_namingTheFile() {
        Project.edit(first, "(id int)", "(id bigint)");

        CliRun run = cli.run("upgrade", "head");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errorLine()).contains(first.toString()).contains("a1").contains("changed after it was applied");
    }

    @Test
    void editedCommentOrMessage_isNotAChange() {
        Project.edit(first, "-- accounts of the shop", "-- the accounts, one per customer");
        Project.edit(first, "-- message: create accounts", "-- message: create the accounts table");

        assertThat(cli.run("upgrade", "head").exitCode()).isZero();
        CliRun validate = cli.run("validate");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).contains("2 applied migration(s) match their files");
    }

    @Test
    void validate_listsEveryMismatch() {
        Project.edit(first, "(id int)", "(id bigint)");
        Project.edit(second, "(id int)", "(id bigint)");

        CliRun run = cli.run("validate");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains(first + ": revision a1 changed")
                .contains(second + ": revision b2 changed")
                .contains("2 problem(s) found");
    }

    @Test
    void repairWithoutYes_leavesTheMismatch_andRepairYesReRecordsIt() {
        Project.edit(first, "(id int)", "(id bigint)");

        CliRun unconfirmed = cli.run("repair");

        assertThat(unconfirmed.exitCode()).as(unconfirmed.toString()).isEqualTo(1);
        assertThat(unconfirmed.out()).contains("not re-recorded without --yes: a1");
        assertThat(cli.run("validate").exitCode()).isEqualTo(1);
        assertThat(evidence.history()).noneMatch(h -> h.direction().equals("repair"));

        CliRun confirmed = cli.run("repair", "--yes");

        assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
        assertThat(confirmed.out()).contains("re-recorded the checksum of a1");
        assertThat(evidence.wholeRows("a1", "repair", "success")).isEqualTo(1);
        assertThat(cli.run("validate").exitCode()).isZero();
        assertThat(cli.run("upgrade", "head").exitCode()).isZero();
    }
}
