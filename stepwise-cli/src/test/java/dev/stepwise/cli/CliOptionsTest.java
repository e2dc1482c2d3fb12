package dev.stepwise.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Global options anywhere on the line, JSON output, offline scripts and the version. */
class CliOptionsTest {

    @TempDir
    Path project;

    private void migration(String name, String body) throws IOException {
        Files.createDirectories(project.resolve("migrations"));
        Files.writeString(project.resolve("migrations").resolve(name), body);
    }

    private void twoMigrations() throws IOException {
        migration("20260101000000_a1a1a1a1a1a1_mood.sql", """
                -- revision: a1a1a1a1a1a1
                -- down_revision: none
                -- message: mood
                -- +up
                CREATE TYPE mood AS ENUM ('sad', 'ok');
                -- +down
                DROP TYPE mood;
                """);
        migration("20260102000000_b2b2b2b2b2b2_happy.sql", """
                -- revision: b2b2b2b2b2b2
                -- down_revision: a1a1a1a1a1a1
                -- message: happy
                -- +up
                ALTER TYPE mood ADD VALUE 'happy';
                CREATE TABLE feelings (m mood);
                -- +down
                DROP TABLE feelings;
                """);
    }

    @Test
    void globalOptions_beforeAndAfterTheCommand_meanTheSame() throws IOException {
        twoMigrations();
        TestDatabase db = TestPostgres.server().newDatabase();
        CliRun before = CliRun.of(Map.of(), "--url", db.url(), "--user", "postgres", "-C", project.toString(), "upgrade", "a1a1");
        assertThat(before.exitCode()).as(before.toString()).isZero();
        CliRun after = CliRun.of(Map.of(), "upgrade", "head", "-C", project.toString(), "--user", "postgres", "--url", db.url());
        assertThat(after.exitCode()).as(after.toString()).isZero();
        assertThat(db.column("SELECT revision FROM stepwise_version")).containsExactly("b2b2b2b2b2b2");
    }

    @Test
    void formatJson_isMachineReadable() throws IOException {
        twoMigrations();
        TestDatabase db = TestPostgres.server().newDatabase();
        Map<String, String> env = Map.of("STEPWISE_URL", db.url(), "STEPWISE_USER", "postgres");
        CliRun.of(env, "-C", project.toString(), "upgrade", "head");
        CliRun status = CliRun.of(env, "-C", project.toString(), "status", "--format", "json");
        assertThat(status.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(status.out());
        assertThat(json.get("pending").asInt()).isZero();
        assertThat(json.get("migrations")).hasSize(2);
        assertThat(json.get("migrations").get(1).get("revision").asText()).isEqualTo("b2b2b2b2b2b2");

        JsonNode current = new ObjectMapper().readTree(CliRun.of(env, "-C", project.toString(), "current",
                "--format", "json").out());
        assertThat(current.get(0).get("revision").asText()).isEqualTo("b2b2b2b2b2b2");
        assertThat(current.get(0).get("isHead").asBoolean()).isTrue();
    }

    @Test
    void offlineScript_forAnOldServer_putsEnumAddValueOutsideATransaction() throws IOException {
        twoMigrations();
        CliRun modern = CliRun.of(Map.of(), "-C", project.toString(), "upgrade", "a1a1a1a1a1a1:head", "--sql");
        assertThat(modern.exitCode()).as(modern.toString()).isZero();
        assertThat(modern.out()).contains("BEGIN;\nALTER TYPE mood ADD VALUE 'happy';");
        assertThat(modern.out()).doesNotContain("CREATE TYPE mood");

        CliRun old = CliRun.of(Map.of(), "-C", project.toString(), "upgrade", "a1a1a1a1a1a1:head", "--sql",
                "--target-version", "11");
        assertThat(old.out()).contains("-- outside a transaction: must not run inside a transaction block\n"
                + "ALTER TYPE mood ADD VALUE 'happy';\nBEGIN;\nCREATE TABLE feelings (m mood);");
    }

    @Test
    void offlineDowngrade_needsARange() throws IOException {
        twoMigrations();
        CliRun noRange = CliRun.of(Map.of(), "-C", project.toString(), "downgrade", "base", "--sql");
        assertThat(noRange.exitCode()).isEqualTo(2);
        assertThat(noRange.err()).contains("downgrade --sql needs a range FROM:TO");
        CliRun range = CliRun.of(Map.of(), "-C", project.toString(), "downgrade", "head:base", "--sql");
        assertThat(range.exitCode()).as(range.toString()).isZero();
        assertThat(range.out()).containsSubsequence("DROP TABLE feelings;", "DELETE FROM public.stepwise_version WHERE"
                + " revision = 'b2b2b2b2b2b2';", "INSERT INTO public.stepwise_version (revision) VALUES ('a1a1a1a1a1a1');",
                "DROP TYPE mood;", "DELETE FROM public.stepwise_version WHERE revision = 'a1a1a1a1a1a1';");
    }

    @Test
    void version_printsTheBuildVersion() {
        CliRun run = CliRun.of(Map.of(), "--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("stepwise ");
    }

    @Test
    void noCommand_isAUsageError() {
        CliRun run = CliRun.of(Map.of());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a command is required");
    }
}
