package dev.stepwise.it.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.MigrationText;
import dev.stepwise.it.Project;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code stepwise lint} as a user and a CI job run it: the exit code, each output format, allow
 * directives, severities from {@code stepwise.toml}, and {@code --offline}.
 */
class LintCliTest {

    @TempDir
    Path dir;

    Project project;
    Cli cli;
    Path hazard;

    @BeforeEach
    void projectWithAHazard() throws IOException {
        project = Project.in(dir);
        // replays on the shared test server; no target, so the tables count as of unknown size
        Files.writeString(dir.resolve("stepwise.toml"), "replay_url = \"" + TestPostgres.server().jdbcUrl("postgres")
                + "\"\nuser = \"" + TestPostgres.server().user() + "\"\n");
        cli = Cli.withoutDatabase(project);
        project.add(MigrationText.of("a1", "none").up("CREATE TABLE orders (id bigint PRIMARY KEY, status text);")
                .down("DROP TABLE orders;"));
        hazard = project.add(MigrationText.of("b2", "a1").up("CREATE INDEX ix_orders_status ON orders (status);")
                .down("DROP INDEX CONCURRENTLY ix_orders_status;"));
    }

    @Test
    void textShowsTheStatementUnderlinedWithHelpAndFix_exit1OnAnError() {
        CliRun run = cli.run("lint");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains(":5:1: error[create-index-non-concurrently] CREATE INDEX takes SHARE on orders")
                .contains("5 | CREATE INDEX ix_orders_status ON orders (status)")
                .contains("  | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^")
                .contains("= help: build it with CREATE INDEX CONCURRENTLY")
                .contains("= fix: CREATE INDEX CONCURRENTLY ix_orders_status ON orders (status)")
                .contains("1 error, 0 warnings");
    }

    @Test
    void jsonIsAnArrayOfFindings() throws IOException {
        CliRun run = cli.run("--format", "json", "lint");

        JsonNode findings = new ObjectMapper().readTree(run.out());
        assertThat(findings.isArray()).isTrue();
        JsonNode f = findings.get(findings.size() - 1);
        assertThat(f.get("rule").asText()).isEqualTo("create-index-non-concurrently");
        assertThat(f.get("severity").asText()).isEqualTo("error");
        assertThat(f.get("file").asText()).endsWith(hazard.getFileName().toString());
        assertThat(f.get("line").asInt()).isEqualTo(5);
        assertThat(f.get("column").asInt()).isEqualTo(1);
        assertThat(f.get("message").asText()).isNotBlank();
        assertThat(f.get("help").asText()).isNotBlank();
        assertThat(f.get("fix").asText()).startsWith("CREATE INDEX CONCURRENTLY");
        assertThat(run.exitCode()).isEqualTo(1);
    }

    @Test
    void sarifHasTheRulesRelativeUrisAndFingerprints() throws IOException {
        // SARIF names files relative to where lint started (the repository root in CI)
        Path here = Files.createDirectories(Path.of("target", "lint-cli-test"));
        Path inside = Files.createTempDirectory(here, "sarif");
        for (Path file : (Iterable<Path>) Files.list(dir.resolve("migrations"))::iterator) {
            Files.createDirectories(inside.resolve("migrations"));
            Files.copy(file, inside.resolve("migrations").resolve(file.getFileName()));
        }
        Files.copy(dir.resolve("stepwise.toml"), inside.resolve("stepwise.toml"));
        CliRun run = Cli.withoutDatabase(Project.in(inside)).run("--format", "sarif", "lint");

        JsonNode sarif = new ObjectMapper().readTree(run.out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode tool = sarif.at("/runs/0/tool/driver");
        assertThat(tool.get("rules").findValuesAsText("id")).contains("create-index-non-concurrently",
                "rename-column", "unused-allow");
        JsonNode result = sarif.at("/runs/0/results").get(sarif.at("/runs/0/results").size() - 1);
        assertThat(result.get("level").asText()).isEqualTo("error");
        assertThat(result.get("ruleId").asText()).isEqualTo("create-index-non-concurrently");
        JsonNode location = result.at("/locations/0/physicalLocation");
        assertThat(location.at("/artifactLocation/uri").asText())
                .isEqualTo(inside.resolve("migrations").resolve(hazard.getFileName()).toString());
        assertThat(location.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
        assertThat(sarif.at("/runs/0/originalUriBaseIds/%SRCROOT%/uri").asText())
                .isEqualTo(Path.of("").toAbsolutePath().toUri().toString());
        assertThat(location.at("/region/startLine").asInt()).isEqualTo(5);
        assertThat(result.get("partialFingerprints").size()).isPositive();
    }

    @Test
    void githubPrintsWorkflowAnnotations() {
        CliRun run = cli.run("--format", "github", "lint");

        assertThat(run.out().lines().filter(l -> l.startsWith("::error ")))
                .singleElement().asString().contains("line=5").contains("col=1")
                .contains("create-index-non-concurrently");
    }

    @Test
    void anAllowWithAReasonAcceptsTheFinding_andOneThatMatchesNothingIsAWarning() {
        project.add(MigrationText.of("c3", "b2")
                .up("-- stepwise:allow create-index-non-concurrently built at night, nobody writes then\n"
                        + "CREATE INDEX ix_orders_id_status ON orders (id, status);\n"
                        + "-- stepwise:allow rename-column nothing here renames\n"
                        + "ALTER TABLE orders ADD COLUMN note text;")
                .down("ALTER TABLE orders DROP COLUMN note;\nDROP INDEX CONCURRENTLY ix_orders_id_status;"));

        CliRun run = cli.run("lint", "--format", "json");

        assertThat(run.out()).contains("\"rule\" : \"unused-allow\"");
        assertThat(cli.run("lint").out()).contains(
                ":6:1: allowed[create-index-non-concurrently] built at night, nobody writes then (-- stepwise:allow on line 5)");
        assertThat(run.out().split("\"rule\" : \"create-index-non-concurrently\"", -1)).hasSize(2);
    }

    @Test
    void anAllowWithoutAReasonIsAnError() {
        project.add(MigrationText.of("c3", "b2")
                .up("-- stepwise:allow create-index-non-concurrently\nCREATE INDEX ix_a ON orders (id, status);")
                .down("DROP INDEX CONCURRENTLY ix_a;"));

        CliRun run = cli.run("lint");

        assertThat(run.exitCode()).as("%s", run).isEqualTo(2);
        assertThat(run.errorLine()).contains("_c3.sql:5:").contains("needs a reason");
    }

    @Test
    void severitiesComeFromStepwiseToml_andOffSilencesARule() throws IOException {
        Files.writeString(dir.resolve("stepwise.toml"), "\n[lint]\ncreate-index-non-concurrently = \"warning\"\n",
                java.nio.file.StandardOpenOption.APPEND);
        CliRun warning = cli.run("lint");
        assertThat(warning.exitCode()).as("%s", warning).isZero();
        assertThat(warning.out()).contains("warning[create-index-non-concurrently]");

        Files.writeString(dir.resolve("stepwise.toml"), Files.readString(dir.resolve("stepwise.toml"))
                .replace("\"warning\"", "\"off\""));
        CliRun off = cli.run("lint");
        assertThat(off.exitCode()).isZero();
        assertThat(off.out()).doesNotContain("create-index-non-concurrently]");
    }

    @Test
    void anUnknownRuleInStepwiseTomlIsAConfigurationError() throws IOException {
        Files.writeString(dir.resolve("stepwise.toml"), "\n[lint]\ncreate-index = \"warning\"\n",
                java.nio.file.StandardOpenOption.APPEND);

        CliRun run = cli.run("lint");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLine()).contains("create-index").contains("--rules");
    }

    @Test
    void offlineJudgesTheFilesAlone_withoutAnyServer() throws IOException {
        Files.writeString(dir.resolve("stepwise.toml"), "replay_url = \"jdbc:postgresql://127.0.0.1:1/none\"\n");

        CliRun run = cli.run("lint", "--offline", hazard.toString());

        assertThat(run.exitCode()).as("%s", run).isEqualTo(1);
        assertThat(run.out()).contains("error[create-index-non-concurrently]").contains("offline");
    }

    @Test
    void lintOfOneFileReplaysItsEarlierMigrations_soItKnowsTheColumnTypeBeforeTheChange() {
        Path change = project.add(MigrationText.of("c3", "b2")
                .up("ALTER TABLE orders ALTER COLUMN status TYPE varchar;")
                .down("ALTER TABLE orders ALTER COLUMN status TYPE text;"));

        CliRun replayed = cli.run("lint", change.toString());
        CliRun offline = cli.run("lint", "--offline", change.toString());

        // text to unbounded varchar is binary-coercible: no rewrite, which only the replay knows
        assertThat(replayed.exitCode()).as("%s", replayed).isZero();
        assertThat(replayed.out()).doesNotContain("column-type-rewrites").contains("0 errors, 0 warnings");
        assertThat(offline.out()).contains("column-type-rewrites");
    }
}
