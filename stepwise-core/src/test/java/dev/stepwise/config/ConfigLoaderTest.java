package dev.stepwise.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path project;

    private StepwiseConfig load(Map<String, String> env, ConfigOverrides flags) {
        return new ConfigLoader(env).load(project, flags);
    }

    @Test
    void nothingConfigured_meansTheEmbeddedDefault() {
        StepwiseConfig config = load(Map.of(), ConfigOverrides.NONE);
        assertThat(config.usesEmbeddedDatabase()).isTrue();
        assertThat(config.migrations()).isEqualTo(project.toAbsolutePath().normalize().resolve("migrations"));
        assertThat(config.tables().version()).isEqualTo("stepwise_version");
        assertThat(config.lockWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.stateDirectory().getFileName()).hasToString(".stepwise");
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
        Files.writeString(project.resolve("stepwise.toml"), """
                url = "postgresql://file@localhost/app"
                user = "file-user"
                schema = "file_schema"
                lock_wait = "30s"
                """);
        StepwiseConfig fileOnly = load(Map.of(), ConfigOverrides.NONE);
        assertThat(fileOnly.url()).isEqualTo("postgresql://file@localhost/app");
        assertThat(fileOnly.tables().schema()).isEqualTo("file_schema");
        assertThat(fileOnly.lockWait()).isEqualTo(Duration.ofSeconds(30));

        Map<String, String> env = Map.of("STEPWISE_URL", "postgresql://env@localhost/app", "STEPWISE_USER", "env-user");
        StepwiseConfig withEnv = load(env, ConfigOverrides.NONE);
        assertThat(withEnv.url()).isEqualTo("postgresql://env@localhost/app");
        assertThat(withEnv.user()).isEqualTo("env-user");
        assertThat(withEnv.tables().schema()).isEqualTo("file_schema");

        StepwiseConfig withFlag = load(env, new ConfigOverrides("postgresql://flag@localhost/app", null, null, "flag_schema",
                null, null));
        assertThat(withFlag.url()).isEqualTo("postgresql://flag@localhost/app");
        assertThat(withFlag.user()).isEqualTo("env-user");
        assertThat(withFlag.tables().schema()).isEqualTo("flag_schema");
    }

    @Test
    void unknownKeyInTheFile_isAnErrorNamingIt() throws IOException {
        Files.writeString(project.resolve("stepwise.toml"), "lock_wiat = \"1s\"\n");
        assertThatThrownBy(() -> load(Map.of(), ConfigOverrides.NONE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("stepwise.toml")
                .hasMessageContaining("unknown key 'lock_wiat'");
    }

    @Test
    void badLockWait_isAnError() {
        assertThatThrownBy(() -> load(Map.of("STEPWISE_LOCK_WAIT", "soon"), ConfigOverrides.NONE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("lock_wait 'soon' is not a duration");
    }

    @Test
    void tableNamesPostgresWouldCut_areRefused_countedInBytes() {
        // 21 three-byte characters: 63 bytes, kept whole; one more is 66 bytes in 22 characters
        String longest = "名".repeat(21);
        assertThat(load(Map.of("STEPWISE_VERSION_TABLE", longest), ConfigOverrides.NONE).tables().version())
                .isEqualTo(longest);
        assertThatThrownBy(() -> load(Map.of("STEPWISE_VERSION_TABLE", longest + "名"), ConfigOverrides.NONE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("version_table '" + longest + "名' must be 1 to 63 bytes long (it is 66 bytes");
    }

    @Test
    void invalidToml_isAnErrorNamingTheFile() throws IOException {
        Files.writeString(project.resolve("stepwise.toml"), "url = \n");
        assertThatThrownBy(() -> load(Map.of(), ConfigOverrides.NONE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("stepwise.toml:1: a value is missing");
    }

    @Test
    void missingProjectDirectory_isAnError() {
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(project.resolve("nope"), ConfigOverrides.NONE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void configToString_neverShowsThePassword() {
        StepwiseConfig config = load(Map.of("STEPWISE_URL", "postgresql://app:s3cret@db/app",
                "STEPWISE_PASSWORD", "other-secret"), ConfigOverrides.NONE);
        assertThat(config.toString()).doesNotContain("s3cret").doesNotContain("other-secret");
    }

    @Test
    void checklistThresholdsComeFromTheChecklistTable() throws IOException {
        Files.writeString(project.resolve("stepwise.toml"), """
                [checklist]
                blocking_budget = "2m"
                longest_blocking_lock = "500ms"
                large_table_rows = 50000
                large_table_size = "64MB"
                """);
        dev.stepwise.lint.Checklist checklist = load(Map.of(), ConfigOverrides.NONE).checklist();
        assertThat(checklist.blockingBudget()).isEqualTo(Duration.ofMinutes(2));
        assertThat(checklist.longestBlockingLock()).isEqualTo(Duration.ofMillis(500));
        assertThat(checklist.largeTableRows()).isEqualTo(50_000);
        assertThat(checklist.largeTableBytes()).isEqualTo(64L << 20);
        assertThat(checklist.describeLargeTable()).isEqualTo("50,000 rows or 64 MB");
    }

    @Test
    void checklistDefaultsAreProductMdsAndBadValuesAreNamed() throws IOException {
        assertThat(load(Map.of(), ConfigOverrides.NONE).checklist()).isEqualTo(dev.stepwise.lint.Checklist.DEFAULT);
        Files.writeString(project.resolve("stepwise.toml"), "[checklist]\nlarge_table_size = \"big\"\n");
        assertThatThrownBy(() -> load(Map.of(), ConfigOverrides.NONE)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("checklist.large_table_size 'big' is not a size");
        Files.writeString(project.resolve("stepwise.toml"), "[checklist]\nlarge_tables = 5\n");
        assertThatThrownBy(() -> load(Map.of(), ConfigOverrides.NONE)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'checklist.large_tables'");
    }
}
