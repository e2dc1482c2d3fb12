package dev.stepwise.cli;

import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** heads, branches, show, merge and stamp on a forked history, the way a team meets them. */
class GraphCommandsTest {

    @TempDir
    Path project;

    private void migration(String rev, String down, String message) throws IOException {
        Files.createDirectories(project.resolve("migrations"));
        Files.writeString(project.resolve("migrations").resolve("20260101000000_" + rev + "_" + message + ".sql"), """
                -- revision: %s
                -- down_revision: %s
                -- message: %s
                -- +up
                CREATE TABLE %s (id int);
                -- +down
                DROP TABLE %s;
                """.formatted(rev, down, message, message, message));
    }

    private CliRun run(String... args) {
        String[] line = new String[args.length + 2];
        line[0] = "-C";
        line[1] = project.toString();
        System.arraycopy(args, 0, line, 2, args.length);
        return CliRun.of(Map.of(), line);
    }

    /** Two developers branched from a1: b2 and c3 are both heads. */
    private void forkedHistory() throws IOException {
        migration("a1a1a1a1a1a1", "none", "base_table");
        migration("b2b2b2b2b2b2", "a1a1a1a1a1a1", "alice_table");
        migration("c3c3c3c3c3c3", "a1a1a1a1a1a1", "bob_table");
    }

    @Test
    void headsOne_failsTheBuildOnAFork_untilTheHeadsAreMerged() throws IOException {
        forkedHistory();
        CliRun forked = run("heads", "--one");
        assertThat(forked.exitCode()).isEqualTo(1);
        assertThat(forked.out()).contains("b2b2b2b2b2b2 (head), alice_table", "c3c3c3c3c3c3 (head), bob_table");
        assertThat(forked.err()).contains("2 heads").contains("stepwise merge");

        CliRun branches = run("branches");
        assertThat(branches.out()).contains("a1a1a1a1a1a1 (branchpoint), base_table",
                "    -> b2b2b2b2b2b2 (head), alice_table", "    -> c3c3c3c3c3c3 (head), bob_table");

        CliRun merge = run("merge", "-m", "join alice and bob", "heads");
        assertThat(merge.exitCode()).as(merge.toString()).isZero();
        assertThat(run("heads", "--one").exitCode()).isZero();

        CliRun show = run("show", "head");
        assertThat(show.exitCode()).as(show.toString()).isZero();
        assertThat(show.out()).contains("(head) (mergepoint)", "Parent: b2b2b2b2b2b2, c3c3c3c3c3c3", "join alice and bob");
    }

    @Test
    void upgradeHead_onAFork_isAUsageErrorNamingTheHeads() throws IOException {
        forkedHistory();
        CliRun sql = run("upgrade", "head", "--sql");
        assertThat(sql.exitCode()).isEqualTo(2);
        assertThat(sql.err()).contains("b2b2b2b2b2b2").contains("c3c3c3c3c3c3");
        assertThat(run("upgrade", "heads", "--sql").exitCode()).isZero();
    }

    @Test
    void stamp_setsTheVersionWithoutRunningAnything_andRecordsChecksums() throws IOException {
        forkedHistory();
        TestDatabase db = TestPostgres.server().newDatabase();
        CliRun stamp = run("stamp", "b2b2", "--url", db.url(), "--user", "postgres");
        assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
        assertThat(db.column("SELECT revision FROM stepwise_version")).containsExactly("b2b2b2b2b2b2");
        assertThat(db.value("SELECT count(*) FROM pg_tables WHERE tablename = 'alice_table'")).isEqualTo("0");
        assertThat(db.column("SELECT revision || ':' || direction FROM stepwise_history ORDER BY revision"))
                .containsExactly("a1a1a1a1a1a1:stamp", "b2b2b2b2b2b2:stamp");

        CliRun validate = run("validate", "--url", db.url(), "--user", "postgres");
        assertThat(validate.exitCode()).as(validate.toString()).isZero();
        assertThat(validate.out()).contains("2 applied migration(s) match their files");

        CliRun up = run("upgrade", "c3c3", "--url", db.url(), "--user", "postgres");
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(db.column("SELECT revision FROM stepwise_version ORDER BY revision"))
                .containsExactly("b2b2b2b2b2b2", "c3c3c3c3c3c3");
        assertThat(run("stamp", "base", "--url", db.url(), "--user", "postgres").exitCode()).isZero();
        assertThat(db.column("SELECT revision FROM stepwise_version")).isEmpty();
    }
}
