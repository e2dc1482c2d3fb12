package dev.stepwise.it.errors;

import dev.stepwise.it.ChildRun;
import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database that cannot be reached is a failed operation (exit 1), worth retrying; a URL no dialect
 * understands, or one that cannot name a server, is bad configuration (exit 2). Either is reported
 * in one line, and the password never appears.
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
        Cli cli = Cli.withoutDatabase(project);
        env.forEach(cli::env);
        return cli.run(args);
    }

    @AfterEach
    void noRunnerLeftBehind() {
        ChildRun.killLeftovers();
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

    @Test
    void malformedPort_isBadInput_withoutThePassword() {
        CliRun jdbc = run(Map.of(), "upgrade", "head", "--url", "jdbc:postgresql://localhost:abc/shop?password=" + SECRET);
        CliRun libpq = run(Map.of(), "upgrade", "head", "--url", "postgresql://app:" + SECRET + "@localhost:99999/shop");

        assertThat(List.of(jdbc, libpq)).allSatisfy(run -> {
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
            assertThat(run.err().lines()).as(run.toString()).hasSize(1);
            assertThat(run.errorLine()).contains("not a port number");
            assertThat(run.out() + run.err()).doesNotContain(SECRET);
        });
    }

    /** In a real process, where a library logging to System.err on its own would show. */
    @Test
    void refusedConnection_inARealProcess_printsOneLine_withoutThePassword() {
        ChildRun child = Cli.withoutDatabase(project).env("STEPWISE_PASSWORD", SECRET)
                .start(dir.resolve("logs"), "upgrade", "head", "--url", "postgresql://app:" + SECRET + "@" + REFUSED);

        CliRun run = child.finish(Duration.ofSeconds(30));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        assertThat(run.out() + run.err()).doesNotContain(SECRET);
    }
}
