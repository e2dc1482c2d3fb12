package dev.stepwise.it.compat;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expand migrations {@code stepwise revision} generates keep the old code working: the v1
 * statements pass compat, with only the {@code SELECT *} warned about (it gains the new column);
 * the contract migration each generator writes too is not pending for {@code --phase expand}.
 */
class GeneratedExpandCompatTest {

    @TempDir
    Path dir;

    Cli cli;

    @BeforeEach
    void v1Applied() throws IOException {
        TestDatabase db = TestPostgres.server().newDatabase();
        Project project = Project.in(dir);
        project.config("replay_url = \"" + TestPostgres.server().jdbcUrl("postgres") + "\"\n");
        project.add(MigrationText.of("a1", "none")
                .up("CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL, note varchar(100),"
                        + " total_dollars numeric(12,3));")
                .down("DROP TABLE orders;"));
        Files.writeString(dir.resolve("queries.sql"), CompatCliTest.V1_QUERIES);
        cli = Cli.on(db, project);
        assertThat(cli.run("upgrade", "head").exitCode()).isZero();
    }

    @Test
    void renameColumnsExpand_passesWithOnlyTheSelectStarWarning() {
        CliRun generated = cli.run("revision", "--rename-column", "orders.total_dollars:amount_dollars");
        assertThat(generated.exitCode()).as("%s", generated).isZero();

        CliRun run = cli.run("compat", "--queries", "queries.sql");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out())
                .contains("queries.sql:4: warning: gains trailing column amount_dollars numeric(12,3):")
                .contains("autosave=conservative")
                .contains("checked against 1 pending expand migration(s)")
                .contains("0 failures, 1 warning, 3 ok");
    }

    @Test
    void changeTypesExpand_passesWithOnlyTheSelectStarWarning() {
        CliRun generated = cli.run("revision", "--change-type", "orders.total_dollars:total_cents:bigint",
                "--using", "round(total_dollars * 100)", "--reverse", "total_cents / 100.0");
        assertThat(generated.exitCode()).as("%s", generated).isZero();

        CliRun run = cli.run("compat", "--queries", "queries.sql");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out())
                .contains("queries.sql:4: warning: gains trailing column total_cents bigint:")
                .contains("0 failures, 1 warning, 3 ok");
    }
}
