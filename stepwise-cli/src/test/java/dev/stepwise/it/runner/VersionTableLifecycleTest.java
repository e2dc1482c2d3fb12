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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version table holds exactly the rows Alembic would hold after each run, through branches, a
 * merge and a cross-branch depends_on, and the history has one success row per application.
 *
 * <pre>
 *   a (root, label main) ── b ──┬── m (merge of b, c, x) ── n
 *                        └─ c ──┤
 *   x (root, label aux, depends_on b) ──┘
 * </pre>
 */
class VersionTableLifecycleTest {

    @TempDir
    Path dir;

    private Cli cli;
    private Evidence evidence;

    @BeforeEach
    void project() {
        TestDatabase db = TestPostgres.server().newDatabase();
        Project project = Project.in(dir);
        project.add(table("a", "none").header("branch_labels", "main"));
        project.add(table("b", "a"));
        project.add(table("c", "a"));
        project.add(table("x", "none").header("branch_labels", "aux").header("depends_on", "b"));
        project.add(table("m", "b, c, x"));
        project.add(table("n", "m"));
        cli = Cli.on(db, project);
        evidence = Evidence.of(db);
    }

    private static MigrationText table(String revision, String down) {
        return MigrationText.of(revision, down)
                .up("CREATE TABLE t_" + revision + " (id int);")
                .down("DROP TABLE t_" + revision + ";");
    }

    @Test
    void versionRows_matchAlembic_throughBranchesMergeAndDependsOn() {
        // upgrading to x applies its dependency b (and a); b keeps its row: x does not stand for it
        upgrade("x", "b", "x");
        assertThat(evidence.tableExists("t_c")).isFalse();
        upgrade("head", "n");
        downgrade("-1", "m");
        upgrade("+1", "n");
        // below the merge every parent gets its row back
        downgrade("-2", "b", "c", "x");
        // x depends on b, so downgrading to b unapplies x; a root's row just goes
        downgrade("b", "b", "c");
        downgrade("base");

        assertThat(List.of("a", "b", "c", "m", "n", "x"))
                .allSatisfy(r -> assertThat(evidence.tableExists("t_" + r)).as(r).isFalse());
        assertThat(applications("up")).containsExactly(1L, 1L, 1L, 1L, 2L, 1L);
        assertThat(applications("down")).containsExactly(1L, 1L, 1L, 1L, 2L, 1L);
        assertThat(evidence.history()).allSatisfy(h -> assertThat(h.outcome()).isEqualTo("success"));
    }

    @Test
    void downgradeToOneParentOfTheMerge_unappliesTheMergeAndAbove_andUpgradeHeadsRestoresTheSingleRow() {
        upgrade("head", "n");
        downgrade("x", "b", "c", "x");
        upgrade("heads", "n");

        assertThat(evidence.wholeRows("m", "up", "success")).isEqualTo(2);
        assertThat(evidence.wholeRows("a", "up", "success")).isEqualTo(1);
    }

    /** Success rows per revision a, b, c, m, n, x in one direction. */
    private List<Long> applications(String direction) {
        return List.of("a", "b", "c", "m", "n", "x").stream()
                .map(r -> evidence.wholeRows(r, direction, "success")).toList();
    }

    private void upgrade(String target, String... rows) {
        CliRun run = cli.run("upgrade", target);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(evidence.versionRows()).as("after upgrade " + target).containsExactly(rows);
    }

    private void downgrade(String target, String... rows) {
        CliRun run = cli.run("downgrade", target);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(evidence.versionRows()).as("after downgrade " + target).containsExactly(rows);
    }
}
