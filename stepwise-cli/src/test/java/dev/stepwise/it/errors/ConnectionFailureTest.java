package dev.stepwise.it.errors;

import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that cannot be reached is a failed operation (exit 1) reported in one line; a URL no
 * dialect understands is bad input (exit 2). The password never appears in either.
 */
class ConnectionFailureTest {

    private static final String SECRET = "hunter2-secret";
    /** Nothing listens on port 1: the connection is refused at once. */
    private static final String REFUSED = "127.0.0.1:1/shop";

    @TempDir
    Path dir;

    private Project project;

    @BeforeEach
    void project() {
        project = Project.in(dir);
        project.add(MigrationText.of("a1", "none").up("SELECT 1;").down("SELECT 1;"));
    }

    private CliRun run(Map<String, String> env, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "-C";
        all[1] = project.root().toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return CliRun.of(env, all);
    }

    @Test
    void refusedConnection_withPasswordFlag_failsInOneLine_withoutThePassword() {
        CliRun run = run(Map.of(), "upgrade", "head", "--url", "jdbc:postgresql://" + REFUSED, "--user", "app",
                "--password", SECRET);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        assertThat(run.errorLine()).contains("could not connect");
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
    }

    @Test
    void refusedConnection_withPasswordInTheUrl_failsInOneLine_withoutThePassword() {
        CliRun run = run(Map.of(), "upgrade", "head", "--url", "postgresql://app:" + SECRET + "@" + REFUSED);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
    }

    @Test
    void refusedConnection_withPasswordFromTheEnvironment_neverPrintsIt() {
        CliRun run = run(Map.of("STEPWISE_URL", "jdbc:postgresql://" + REFUSED + "?password=" + SECRET,
                "STEPWISE_PASSWORD", SECRET), "current");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
    }

    @Test
    void urlOfAnUnknownDatabase_isBadInput_withoutThePassword() {
        CliRun run = run(Map.of(), "upgrade", "head", "--url", "mysql://app:" + SECRET + "@localhost/shop");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
    }
}
