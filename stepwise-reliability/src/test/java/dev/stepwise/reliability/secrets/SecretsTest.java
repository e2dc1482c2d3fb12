package dev.stepwise.reliability.secrets;

import dev.stepwise.fault.Guarantee;
import dev.stepwise.it.ChildRun;
import dev.stepwise.reliability.support.Reliability;
import dev.stepwise.reliability.support.ScenarioReport;
import dev.stepwise.reliability.support.TestFaults;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 6, secrets: against a server that checks passwords ({@code scram-sha-256}, no trust),
 * a password drawn for the run, holding every character that percent-encoding or JSON escaping
 * changes, is given to Stepwise in each way it accepts one (flag, {@code STEPWISE_PASSWORD},
 * {@code stepwise.toml}, and inside a libpq or JDBC URL given by flag, environment or file), and
 * each command runs: reading state, {@code --sql}, lint, plan, drift, check, diff, autogenerate,
 * the stairway test, upgrade and downgrade, in text and JSON, and failing (a wrong password, an
 * unreachable port, a migration the server refuses, the run lock held elsewhere, a
 * {@code stepwise.toml} that does not read, a URL whose password is not percent-encoded, a
 * misspelt or forgotten option), in this JVM, as child JVMs and through the Java API. After each,
 * the password is looked for, plain, percent-encoded (both {@code URLEncoder}'s and RFC 3986's),
 * JSON-escaped or as a piece of itself, in stdout and stderr, stack traces, what went to
 * {@code System.out}/{@code System.err} and {@code java.util.logging}, every file under the
 * project and the logs directory, every row of every table (history and version rows among
 * them), and the sessions {@code pg_stat_activity} showed while it ran.
 *
 * <p>Reduced run (in {@code mvn verify}, about 130 trials in 20-35 s): every source with the
 * core commands (status, {@code upgrade --sql}, upgrade, history as JSON, and one of each kind of
 * failure), and each other command for one source, drawn from the seed. Full run ({@code -Dstepwise.reliability=full}):
 * every command for every source (about 400 trials, 3 minutes).
 *
 * <p>The seed is printed; the password never is.
 */
class SecretsTest {

    private static long seed;
    private static Secret password;
    private static Secret wrongPassword;
    private static Random random;
    private static PasswordServer server;

    @TempDir
    static Path serverDirectory;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServerThatRequiresPasswords() {
        seed = Reliability.seed("secrets");
        random = new Random(seed);
        password = Secret.draw(random);
        wrongPassword = Secret.draw(random);
        server = PasswordServer.start(serverDirectory.resolve("pgdata"), password.plain(), Secret.draw(random).plain());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @AfterEach
    void noChildLeftBehind() {
        ChildRun.killLeftovers();
    }

    @Test
    void thePasswordAppearsNowhere_whateverTheSourceTheCommandOrTheFailure() {
        assertThat(server.acceptsRole(null)).as("the role logs in without a password").isFalse();
        assertThat(server.acceptsRole(wrongPassword.plain())).as("the role logs in with a wrong password").isFalse();
        assertThat(server.acceptsRole(password.plain())).as("the role cannot log in with its password").isTrue();

        ScenarioReport report = ScenarioReport.start(6, "Secrets", seed);
        List<PasswordSource> sources = Arrays.asList(PasswordSource.values());
        SecretsScenario scenario = new SecretsScenario(server, password, wrongPassword, dir, random);
        scenario.run(sources, SecretCommand.all(), Reliability.full(), report);
        Map<String, Integer> examined = scenario.examined();
        report.note(sources.size() + " password sources × " + SecretCommand.all().size() + " commands ("
                + (Reliability.full() ? "all" : "core ones for each source, the others for one each")
                + "), in-process, child JVMs and the Java API, on a scram-sha-256 server; "
                + examined.values().stream().mapToInt(Integer::intValue).sum() + " texts searched");
        report.write();

        assertThat(report.failures()).as("where the password showed").isEmpty();
        // and the search looked where a leak would be
        assertThat(examined).containsKeys("stdout", "stderr", "child stderr",
                "child stdout: a thread dump", "the exception's stack trace (messages of every cause included)",
                "pg_stat_activity: a Stepwise session", "a row of public.stepwise_history",
                "a row of public.stepwise_version", "file parsed-migrations.cache");
    }

    /**
     * With {@link Guarantee#SECRET_REDACTION} off, the scenario's own commands find the password
     * in each place redaction keeps it out of: a URL that carries it (shown by {@code diff}), the
     * words of a command line that did not parse, and a {@code stepwise.toml} line that did not
     * read. (A password given on its own, by flag, environment or file, is kept out by construction:
     * Stepwise never writes it into any text, so no switch can make it show.)
     */
    @Test
    void withoutRedaction_theScenarioFindsThePassword() throws Exception {
        ScenarioReport report = ScenarioReport.start(6, "Secrets (redaction off)", seed);
        List<SecretCommand> aimed = SecretCommand.named("diff --from URL", "status, unquoted stepwise.toml",
                "upgrade, misspelt option", "upgrade, option name forgotten");
        try (AutoCloseable off = TestFaults.off(Guarantee.SECRET_REDACTION)) {
            new SecretsScenario(server, password, wrongPassword, dir, random).run(List.of(PasswordSource.PASSWORD_FLAG,
                    PasswordSource.USERINFO_URL_FLAG, PasswordSource.USERINFO_URL_TOML), aimed, true, report);
        }

        assertThat(report.failures()).as("leaks found with SECRET_REDACTION off").allSatisfy(f ->
                assertThat(f).contains("the password (").doesNotContain("expected"));
        for (SecretCommand command : aimed) {
            assertThat(report.failures()).as("a leak through " + command).anyMatch(f -> f.contains(" × " + command + ": "));
        }
    }
}
