package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.MigrationLinter;
import dev.stepwise.graph.Revision;
import dev.stepwise.lint.LintPolicy;
import dev.stepwise.lint.LintedMigration;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.SchemaFacts;
import dev.stepwise.lint.Severity;
import dev.stepwise.lint.SizedFacts;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.source.Migration;
import dev.stepwise.source.MigrationCatalog;
import dev.stepwise.source.SqlMigration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code lint [FILES|DIR]}: what each migration's statements will really do, in graph order.
 *
 * <p>Unless offline, the earlier migrations of each file's revision graph are replayed into a
 * scratch database on the embedded server first, so a rule knows what a statement meets (tables
 * made by the same migration or an earlier one, column types, constraints, function volatility).
 * When a database URL is configured, the target's sizes and server version come on top: a table
 * the target has is judged by its size there, one it lacks is created by an earlier migration of
 * the same run and so is empty when this one runs.
 */
public final class LintCommand {

    /**
     * What to lint.
     *
     * @param paths   migration files and directories; empty for the project's migrations
     * @param offline no replay and no target: the files alone (for editors and pre-commit hooks)
     */
    public record Request(List<Path> paths, boolean offline) {

        public Request {
            paths = List.copyOf(paths);
        }

        public static final Request PROJECT = new Request(List.of(), false);
    }

    /**
     * The result.
     *
     * @param context            {@code offline}, {@code replay} or {@code target}
     * @param serverMajorVersion the version whose behaviour the rules followed
     * @param notices            what the user should know about how the facts were found
     */
    public record Report(String context, int serverMajorVersion, List<LintedMigration> migrations,
                         List<String> notices) {

        public boolean hasErrors() {
            return migrations.stream().anyMatch(LintedMigration::hasErrors);
        }

        public long count(Severity severity) {
            return migrations.stream().mapToLong(m -> m.count(severity)).sum();
        }
    }

    private final Workspace workspace;

    public LintCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Every rule, the dialect's and the engine's own. */
    public List<RuleInfo> rules() {
        List<RuleInfo> rules = new ArrayList<>(workspace.dialect().linter().rules());
        rules.add(LintPolicy.UNUSED_ALLOW_RULE);
        return rules;
    }

    public Report run(Request request) {
        MigrationLinter linter = workspace.dialect().linter();
        LintPolicy policy = LintPolicy.configured(workspace.config().lintSeverities(), rules());
        Map<Path, Selection> selections = select(request.paths());
        List<String> notices = new ArrayList<>();
        List<LintedMigration> results = new ArrayList<>();
        if (request.offline()) {
            SchemaFacts facts = SchemaFacts.offline(workspace.dialect().defaultServerMajorVersion());
            selections.values().forEach(sel -> sel.linted().forEach(m ->
                    results.add(lint(linter, policy, m, facts))));
            return new Report("offline", facts.serverMajorVersion(), results, notices);
        }
        Connection target = workspace.targetConfigured() ? workspace.openCatalogConnection() : null;
        try {
            MigrationFacts walk = new MigrationFacts(workspace, notices);
            int version = workspace.dialect().defaultServerMajorVersion();
            for (Selection sel : selections.values()) {
                Set<String> wanted = new LinkedHashSet<>();
                sel.linted().forEach(m -> wanted.add(m.revision()));
                version = walk.walk(sel.order(), wanted, target, (m, facts) -> results.add(lint(linter, policy, m, facts)));
            }
            return new Report(target != null ? "target" : "replay", version, results, notices);
        } catch (SQLException e) {
            throw new DatabaseException("reading the target's catalog for lint", e);
        } finally {
            if (target != null) {
                try {
                    target.close();
                } catch (SQLException ignored) {
                    // nothing was written on it
                }
            }
        }
    }

    private static LintedMigration lint(MigrationLinter linter, LintPolicy policy, SqlMigration m, SchemaFacts facts) {
        return policy.apply(m.revision(), m.origin(), linter.lint(m, facts), m.migrationDirectives());
    }

    /** One revision graph, and which of its migrations to lint. */
    private record Selection(List<Migration> order, List<SqlMigration> linted) {
    }

    /** Groups the paths by the directory (revision graph) they belong to; none means the project. */
    private Map<Path, Selection> select(List<Path> paths) {
        Map<Path, Set<Path>> byDirectory = new LinkedHashMap<>();
        Path project = workspace.config().migrations();
        if (paths.isEmpty()) {
            byDirectory.put(project, null);
        }
        for (Path p : paths) {
            Path path = p.toAbsolutePath().normalize();
            if (Files.isDirectory(path)) {
                byDirectory.put(path, null);
            } else if (Files.isRegularFile(path)) {
                Path dir = path.getParent();
                if (byDirectory.containsKey(dir) && byDirectory.get(dir) == null) {
                    continue;
                }
                byDirectory.computeIfAbsent(dir, d -> new LinkedHashSet<>()).add(path);
            } else {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, p + ": no such file or directory");
            }
        }
        Map<Path, Selection> selections = new LinkedHashMap<>();
        byDirectory.forEach((dir, files) -> {
            MigrationSet set = dir.equals(project) ? workspace.migrations()
                    : new MigrationSet(MigrationCatalog.load(dir).migrations());
            List<Migration> order = set.graph().topologicalOrder().stream().map(Revision::id).map(set::get).toList();
            Stream<SqlMigration> sqls = order.stream().filter(SqlMigration.class::isInstance).map(SqlMigration.class::cast);
            List<SqlMigration> linted = files == null ? sqls.toList()
                    : sqls.filter(m -> files.contains(m.file().toAbsolutePath().normalize())).toList();
            if (files != null && linted.size() < files.size()) {
                Set<Path> found = new java.util.HashSet<>();
                linted.forEach(m -> found.add(m.file().toAbsolutePath().normalize()));
                Path missing = files.stream().filter(f -> !found.contains(f)).findFirst().orElseThrow();
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, missing
                        + ": not a migration file of " + dir + " (names must match <timestamp>_<revision>_<slug>.sql)");
            }
            selections.put(dir, new Selection(order, linted));
        });
        return selections;
    }
}
