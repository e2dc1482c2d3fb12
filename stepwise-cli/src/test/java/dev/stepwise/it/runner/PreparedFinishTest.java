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

/**
 * The finishing statement of each migration is prepared once per work session, and a migration
 * that deallocates prepared statements does not break the ones after it.
 */
class PreparedFinishTest {

    /** Fails the migration it is in unless the work session holds the prepared finishing statement. */
    private static final String REQUIRE_PREPARED = """
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_prepared_statements WHERE name LIKE 'stepwise_finish_%') THEN
                RAISE EXCEPTION 'the finishing statement is not prepared';
              END IF;
            END $$;""";

    @TempDir
    Path dir;

    @Test
    void migrationThatDeallocatesEverything_isFollowedByPreparedFinishesAgain() {
        TestDatabase db = TestPostgres.server().newDatabase();
        Project project = Project.in(dir);
        project.add(MigrationText.of("a1", "none").up("CREATE TABLE t1 (id int);").down("DROP TABLE t1;"));
        project.add(MigrationText.of("a2", "a1").up("CREATE TABLE t2 (id int);\n" + REQUIRE_PREPARED)
                .down("DROP TABLE t2;"));
        project.add(MigrationText.of("a3", "a2").up("CREATE TABLE t3 (id int);\nDEALLOCATE ALL;")
                .down("DROP TABLE t3;"));
        project.add(MigrationText.of("a4", "a3").up("CREATE TABLE t4 (id int);\n" + REQUIRE_PREPARED)
                .down("DROP TABLE t4;"));
        Evidence evidence = Evidence.of(db);

        CliRun run = Cli.on(db, project).run("upgrade", "head");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(evidence.versionRows()).containsExactly("a4");
        for (String revision : new String[] {"a1", "a2", "a3", "a4"}) {
            assertThat(evidence.wholeRows(revision, "up", "success")).as(revision).isEqualTo(1);
        }
    }

    @Test
    void downgradeAfterUpgrade_usesTheSameFinishingStatement() {
        TestDatabase db = TestPostgres.server().newDatabase();
        Project project = Project.in(dir);
        // the second migration of the downgrade run finds the statement the first one prepared
        project.add(MigrationText.of("a1", "none").up("CREATE TABLE t1 (id int);").down("DROP TABLE t1;\n" + REQUIRE_PREPARED));
        project.add(MigrationText.of("a2", "a1").up("CREATE TABLE t2 (id int);").down("DROP TABLE t2;"));
        Evidence evidence = Evidence.of(db);

        assertThat(Cli.on(db, project).run("upgrade", "head").exitCode()).isZero();
        CliRun down = Cli.on(db, project).run("downgrade", "base");

        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(evidence.versionRows()).isEmpty();
        assertThat(evidence.tableExists("t1")).isFalse();
    }
}
