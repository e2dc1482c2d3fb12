package dev.stepwise.config;

import dev.stepwise.dialect.TableNames;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The settings of one run, validated once when loaded.
 *
 * @param projectDirectory   the project root (where {@code stepwise.toml} and {@code .stepwise/} live)
 * @param migrations         directory of migration files
 * @param url                database URL (JDBC or libpq form), or null for the embedded default
 * @param user               user name, or null to take it from the URL / driver default
 * @param password           password, or null; never printed
 * @param tables             where the version and history tables live
 * @param lockWait           how long a runner waits for another to finish before giving up
 * @param javaPackages       packages scanned for Java-coded migrations
 * @param lockTimeouts       how statements wait for locks, and how they are retried
 * @param contractDelay      how long after its expand a contract migration may run
 * @param replayUrl          where {@code lint} replays migrations (a server it may create databases
 *                           on), or null for the embedded server
 * @param lintSeverities     {@code [lint]}: rule id to {@code error}, {@code warning}, {@code info} or {@code off}
 * @param checklist          {@code [checklist]}: the zero-downtime checklist's thresholds
 * @param compatQueries      {@code compat_queries}: the running code's statements, which {@code plan}
 *                           checks against the pending expand migrations; null for none
 */
public record StepwiseConfig(
        Path projectDirectory,
        Path migrations,
        String url,
        String user,
        String password,
        TableNames tables,
        Duration lockWait,
        List<String> javaPackages,
        LockTimeouts lockTimeouts,
        Duration contractDelay,
        String replayUrl,
        java.util.Map<String, String> lintSeverities,
        dev.stepwise.lint.Checklist checklist,
        Path compatQueries) {

    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofMinutes(10);

    public StepwiseConfig {
        javaPackages = List.copyOf(javaPackages);
        lintSeverities = java.util.Map.copyOf(lintSeverities);
    }

    /** Defaults for a project directory: migrations in {@code migrations/}, embedded database. */
    public static StepwiseConfig defaults(Path projectDirectory) {
        return new StepwiseConfig(projectDirectory, projectDirectory.resolve("migrations"), null, null, null,
                TableNames.DEFAULT, DEFAULT_LOCK_WAIT, List.of(), LockTimeouts.DEFAULT, Duration.ZERO, null,
                java.util.Map.of(), dev.stepwise.lint.Checklist.DEFAULT, null);
    }

    public boolean usesEmbeddedDatabase() {
        return url == null;
    }

    /** The directory where Stepwise keeps local state (the embedded server's data). */
    public Path stateDirectory() {
        return projectDirectory.resolve(".stepwise");
    }

    @Override
    public String toString() {
        return "StepwiseConfig[project=" + projectDirectory + ", migrations=" + migrations + ", url="
                + (url == null ? "(embedded)" : Secrets.redactUrl(url)) + ", user=" + user + ", tables=" + tables + "]";
    }
}
