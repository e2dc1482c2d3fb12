package dev.stepwise.it.lint;

import dev.stepwise.Stepwise;
import dev.stepwise.cli.lint.FindingPaths;
import dev.stepwise.cli.lint.TextFindings;
import dev.stepwise.command.LintCommand;
import dev.stepwise.lint.Finding;
import dev.stepwise.lint.LintedMigration;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.Severity;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule against its fixtures, replayed on the test server: each err fixture draws its rule
 * at warning or error, no ok fixture draws any warning or error, and each err fixture's findings
 * render as its snapshot ({@code -Dstepwise.snapshots.update=true} rewrites the snapshots).
 */
class LintFixturesTest {

    @TempDir
    static Path work;

    static Stepwise stepwise;

    @BeforeAll
    static void open() throws IOException {
        Path project = Files.createDirectories(work.resolve("project"));
        Files.createDirectories(project.resolve("migrations"));
        TestPostgres server = TestPostgres.server();
        Files.writeString(project.resolve("stepwise.toml"), "replay_url = \"" + server.jdbcUrl("postgres")
                + "\"\nuser = \"" + server.user() + "\"\n");
        stepwise = Stepwise.configure().projectDirectory(project).build();
    }

    @AfterAll
    static void close() {
        stepwise.close();
    }

    @TestFactory
    Stream<DynamicTest> fixtures() {
        return LintFixtures.all().stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> check(f)));
    }

    private void check(LintFixtures.Fixture fixture) throws IOException {
        Path dir = LintFixtures.materialise(fixture, work.resolve("fixtures"));
        LintCommand.Report report = stepwise.lint(new LintCommand.Request(List.of(dir), false));
        List<Finding> findings = report.migrations().stream().flatMap(m -> m.findings().stream()).toList();
        List<Finding> alarms = findings.stream().filter(f -> f.severity() != Severity.INFO).toList();
        if (fixture.expectsFinding()) {
            assertThat(alarms).as("%s: findings %s", fixture, findings)
                    .anyMatch(f -> f.rule().equals(fixture.rule()));
            String rendered = render(report, dir);
            Path snapshot = fixture.snapshot();
            if (Boolean.getBoolean("stepwise.snapshots.update") || !Files.exists(snapshot)) {
                Files.writeString(snapshot, rendered, StandardCharsets.UTF_8);
            }
            assertThat(rendered).as("%s rendered as its snapshot %s", fixture, snapshot)
                    .isEqualTo(Files.readString(snapshot, StandardCharsets.UTF_8));
        } else {
            assertThat(alarms).as("%s: no warning or error", fixture).isEmpty();
        }
        assertThat(report.notices()).as("%s replayed in full", fixture).noneMatch(n -> n.contains("replay stopped"));
    }

    private static String render(LintCommand.Report report, Path dir) {
        TextFindings text = new TextFindings(new FindingPaths(dir));
        List<String> lines = new ArrayList<>();
        for (LintedMigration m : report.migrations()) {
            for (Finding f : m.findings()) {
                lines.addAll(text.render(f));
                lines.add("");
            }
        }
        return String.join("\n", lines);
    }

    @Test
    void everyRuleHasAnOkAndAnErrFixture() {
        Set<String> withErr = LintFixtures.all().stream().filter(LintFixtures.Fixture::expectsFinding)
                .map(LintFixtures.Fixture::rule).collect(Collectors.toSet());
        Set<String> withOk = LintFixtures.all().stream().filter(f -> !f.expectsFinding())
                .map(LintFixtures.Fixture::rule).collect(Collectors.toSet());
        List<String> rules = stepwise.lintRules().stream().map(RuleInfo::id).toList();
        assertThat(withErr).as("rules with an err fixture").containsAll(rules);
        assertThat(withOk).as("rules with an ok fixture").containsAll(rules);
        assertThat(rules).as("fixture directories name rules").containsAll(withErr);
    }
}
