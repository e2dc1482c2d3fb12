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
            "version_table", "history_table", "lock_wait", "java_packages", "lock_timeout", "lock_timeout_max",
            "lock_retry_budget", "lock_retry_backoff", "statement_budget", "attempt_timeout", "contract_delay",
            "replay_url", "compat_queries");

    private static final String LINT_TABLE = "lint.";
    private static final String CHECKLIST_TABLE = "checklist.";
    private static final Set<String> CHECKLIST_KEYS = Set.of("blocking_budget", "longest_blocking_lock",
            "large_table_rows", "large_table_size");

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
        Duration lockWait = duration("lock_wait", flags, file, StepwiseConfig.DEFAULT_LOCK_WAIT);
        LockTimeouts d = LockTimeouts.DEFAULT;
        LockTimeouts lockTimeouts = new LockTimeouts(
                duration("lock_timeout", flags, file, d.first()),
                duration("lock_timeout_max", flags, file, d.max()),
                duration("lock_retry_budget", flags, file, d.retryBudget()),
                duration("lock_retry_backoff", flags, file, d.retryBackoff()),
                duration("statement_budget", flags, file, d.statementBudget()),
                duration("attempt_timeout", flags, file, d.attemptTimeout()));
        Duration contractDelay = duration("contract_delay", flags, file, Duration.ZERO);
        requireName("schema", schema);
        requireName("version_table", versionTable);
        requireName("history_table", historyTable);
        if (versionTable.equals(historyTable)) {
            throw new ConfigException("version_table and history_table must differ (both are '" + versionTable + "')");
        }
        return new StepwiseConfig(project,
                migrations == null ? project.resolve("migrations") : project.resolve(migrations).normalize(),
                blankToNull(url), blankToNull(user), blankToNull(password),
                new TableNames(schema, versionTable, historyTable), lockWait, javaPackages(file), lockTimeouts,
                contractDelay, blankToNull(pick(flags.settings().get("replay_url"), "STEPWISE_REPLAY_URL", file,
                "replay_url")), lintSeverities(file), checklist(file), compatQueries(project, flags, file));
    }

    /** {@code compat_queries}: a path, relative to the project directory unless absolute. */
    private Path compatQueries(Path project, ConfigOverrides flags, Map<String, Object> file) {
        String path = blankToNull(pick(flags.settings().get("compat_queries"), "STEPWISE_COMPAT_QUERIES", file,
                "compat_queries"));
        return path == null ? null : project.resolve(path).normalize();
    }

    /** {@code [lint]}: a rule id per key, its severity as the value (checked against the rules when linting). */
    private static java.util.Map<String, String> lintSeverities(Map<String, Object> file) {
        java.util.Map<String, String> severities = new java.util.LinkedHashMap<>();
        file.forEach((key, value) -> {
            if (key.startsWith(LINT_TABLE)) {
                if (value instanceof List) {
                    throw new ConfigException(FILE_NAME + ": '" + key + "' must be a severity, not an array");
                }
                severities.put(key.substring(LINT_TABLE.length()), value.toString());
            }
        });
        return severities;
    }

    /**
     * {@code [checklist]}: {@code blocking_budget} and {@code longest_blocking_lock} as durations,
     * {@code large_table_rows} as a number, {@code large_table_size} as bytes ({@code 10MB}, {@code 512kB}).
     */
    private static dev.stepwise.lint.Checklist checklist(Map<String, Object> file) {
        dev.stepwise.lint.Checklist d = dev.stepwise.lint.Checklist.DEFAULT;
        for (String key : file.keySet()) {
            if (key.startsWith(CHECKLIST_TABLE) && !CHECKLIST_KEYS.contains(key.substring(CHECKLIST_TABLE.length()))) {
                throw new ConfigException(FILE_NAME + ": unknown key '" + key + "' (known in [checklist]: "
                        + String.join(", ", new java.util.TreeSet<>(CHECKLIST_KEYS)) + ")");
            }
        }
        return new dev.stepwise.lint.Checklist(
                checklistDuration(file, "blocking_budget", d.blockingBudget()),
                checklistDuration(file, "longest_blocking_lock", d.longestBlockingLock()),
                checklistNumber(file, "large_table_rows", d.largeTableRows(), false),
                checklistNumber(file, "large_table_size", d.largeTableBytes(), true));
    }

    private static Duration checklistDuration(Map<String, Object> file, String key, Duration fallback) {
        Object value = file.get(CHECKLIST_TABLE + key);
        if (value == null) {
            return fallback;
        }
        return DurationText.parse(value.toString()).orElseThrow(() -> new ConfigException(FILE_NAME + ": checklist."
                + key + " '" + value + "' is not a duration (examples: 500ms, 30s, 2m)"));
    }

    private static final java.util.regex.Pattern SIZE = java.util.regex.Pattern.compile(
            "(\\d+)\\s*(B|kB|KB|MB|GB|TB)?");

    private static long checklistNumber(Map<String, Object> file, String key, long fallback, boolean bytes) {
        Object value = file.get(CHECKLIST_TABLE + key);
        if (value == null) {
            return fallback;
        }
        java.util.regex.Matcher m = SIZE.matcher(value.toString().strip());
        if (!m.matches() || !bytes && m.group(2) != null) {
            throw new ConfigException(FILE_NAME + ": checklist." + key + " '" + value + "' is not "
                    + (bytes ? "a size (examples: 10MB, 512kB, 1GB)" : "a number of rows"));
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "B" : m.group(2).toUpperCase(java.util.Locale.ROOT);
        int shift = switch (unit) {
            case "KB" -> 10;
            case "MB" -> 20;
            case "GB" -> 30;
            case "TB" -> 40;
            default -> 0;
        };
        return n << shift;
    }

    /** A duration key: flag, then {@code STEPWISE_<KEY>}, then the file, then the default. */
    private Duration duration(String key, ConfigOverrides flags, Map<String, Object> file, Duration fallback) {
        String text = pick(flags.settings().get(key), "STEPWISE_" + key.toUpperCase(java.util.Locale.ROOT), file, key);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return DurationText.parse(text).orElseThrow(() -> new ConfigException(
                key + " '" + text + "' is not a duration (examples: 100ms, 30s, 10m, 1h)"));
    }

    /**
     * PostgreSQL keeps 63 bytes of a name and silently drops the rest, so a longer one would
     * name some other table; counted in UTF-8 bytes, as the server counts (MySQL's limit, 64
     * characters, is never smaller).
     */
    private static void requireName(String key, String value) {
        int bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (value.isEmpty() || bytes > 63) {
            throw new ConfigException(key + " '" + value + "' must be 1 to 63 bytes long (it is " + bytes
                    + " bytes in UTF-8)");
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
            if (!KEYS.contains(name) && !name.startsWith(LINT_TABLE) && !name.startsWith(CHECKLIST_TABLE)) {
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
