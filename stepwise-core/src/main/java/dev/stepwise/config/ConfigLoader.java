package dev.stepwise.config;

import dev.stepwise.dialect.TableNames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a {@link StepwiseConfig} from, in order of precedence: command-line flags, environment
 * variables ({@code STEPWISE_URL}, ...), {@code stepwise.toml}, and defaults. Unknown keys in the
 * file are errors, so a typo never silently falls back to a default.
 */
public final class ConfigLoader {

    public static final String FILE_NAME = "stepwise.toml";

    private static final Set<String> KEYS = Set.of("url", "user", "password", "schema", "migrations",
            "version_table", "history_table", "lock_wait", "java_packages");

    private final Map<String, String> environment;

    public ConfigLoader(Map<String, String> environment) {
        this.environment = environment;
    }

    public StepwiseConfig load(Path projectDirectory, ConfigOverrides flags) {
        Path project = projectDirectory.toAbsolutePath().normalize();
        if (!Files.isDirectory(project)) {
            throw new ConfigException("project directory " + project + " does not exist");
        }
        Map<String, Object> file = readFile(project.resolve(FILE_NAME));
        String url = pick(flags.url(), "STEPWISE_URL", file, "url");
        String user = pick(flags.user(), "STEPWISE_USER", file, "user");
        String password = pick(flags.password(), "STEPWISE_PASSWORD", file, "password");
        String schema = orDefault(pick(flags.schema(), "STEPWISE_SCHEMA", file, "schema"), TableNames.DEFAULT.schema());
        String migrations = pick(flags.migrations() == null ? null : flags.migrations().toString(),
                "STEPWISE_MIGRATIONS", file, "migrations");
        String versionTable = orDefault(pick(null, "STEPWISE_VERSION_TABLE", file, "version_table"),
                TableNames.DEFAULT.version());
        String historyTable = orDefault(pick(null, "STEPWISE_HISTORY_TABLE", file, "history_table"),
                TableNames.DEFAULT.history());
        String lockWaitText = pick(flags.lockWait(), "STEPWISE_LOCK_WAIT", file, "lock_wait");
        Duration lockWait = lockWaitText == null ? StepwiseConfig.DEFAULT_LOCK_WAIT
                : DurationText.parse(lockWaitText).orElseThrow(() -> new ConfigException(
                "lock_wait '" + lockWaitText + "' is not a duration (examples: 30s, 10m, 500ms)"));
        requireName("schema", schema);
        requireName("version_table", versionTable);
        requireName("history_table", historyTable);
        if (versionTable.equals(historyTable)) {
            throw new ConfigException("version_table and history_table must differ (both are '" + versionTable + "')");
        }
        return new StepwiseConfig(project,
                migrations == null ? project.resolve("migrations") : project.resolve(migrations).normalize(),
                blankToNull(url), blankToNull(user), blankToNull(password),
                new TableNames(schema, versionTable, historyTable), lockWait, javaPackages(file));
    }

    private static void requireName(String key, String value) {
        if (value.isEmpty() || value.length() > 63) {
            throw new ConfigException(key + " '" + value + "' must be 1 to 63 characters");
        }
    }

    private String pick(String flag, String envName, Map<String, Object> file, String key) {
        if (flag != null) {
            return flag;
        }
        String env = environment.get(envName);
        if (env != null) {
            return env;
        }
        Object value = file.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof List) {
            throw new ConfigException(FILE_NAME + ": '" + key + "' must be a plain value, not an array");
        }
        return value.toString();
    }

    private static List<String> javaPackages(Map<String, Object> file) {
        Object value = file.get("java_packages");
        List<String> packages = new ArrayList<>();
        if (value == null) {
            return packages;
        }
        if (!(value instanceof List<?> list)) {
            throw new ConfigException(FILE_NAME + ": 'java_packages' must be an array of package names");
        }
        list.forEach(p -> packages.add(p.toString()));
        return packages;
    }

    private static Map<String, Object> readFile(Path file) {
        Map<String, Object> root = TomlFile.read(file);
        for (String name : root.keySet()) {
            if (!KEYS.contains(name)) {
                throw new ConfigException(file + ": unknown key '" + name + "' (known: " + String.join(", ",
                        KEYS.stream().sorted().toList()) + ")");
            }
        }
        return root;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
