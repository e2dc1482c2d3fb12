package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.MigrationLinter;
import dev.stepwise.graph.Revision;
import dev.stepwise.lint.AllowedFinding;
import dev.stepwise.lint.Checklist;
import dev.stepwise.lint.Finding;
import dev.stepwise.lint.LintPolicy;
import dev.stepwise.lint.LintedMigration;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.SchemaFacts;
import dev.stepwise.lint.Severity;
import dev.stepwise.lint.SizedFacts;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.source.Migration;
import dev.stepwise.source.MigrationCatalog;
import dev.stepwise.source.MigrationFileName;
import dev.stepwise.source.plain.PlainChain;
import dev.stepwise.source.plain.PlainMigrationFiles;
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
        List<String> notices = new ArrayList<>();
        Map<Path, Selection> selections = select(request.paths(), notices);
        try {
            return run(request, linter, policy, selections, notices);
        } finally {
            selections.values().forEach(Selection::deleteScratch);
        }
    }

    private Report run(Request request, MigrationLinter linter, LintPolicy policy, Map<Path, Selection> selections,
                       List<String> notices) {
        List<LintedMigration> results = new ArrayList<>();
        if (request.offline()) {
            SchemaFacts facts = SchemaFacts.offline(workspace.dialect().defaultServerMajorVersion());
            selections.values().forEach(sel -> sel.linted().forEach(m ->
                    results.add(sel.remap(lint(linter, policy, workspace.config().checklist(), m, facts)))));
            return new Report("offline", facts.serverMajorVersion(), results, notices);
        }
        Connection target = workspace.targetConfigured() ? workspace.openCatalogConnection() : null;
        try {
            MigrationFacts walk = new MigrationFacts(workspace, notices);
            int version = workspace.dialect().defaultServerMajorVersion();
            for (Selection sel : selections.values()) {
                Set<String> wanted = new LinkedHashSet<>();
                sel.linted().forEach(m -> wanted.add(m.revision()));
                version = walk.walk(sel.order(), wanted, target,
                        (m, facts) -> results.add(sel.remap(lint(linter, policy, workspace.config().checklist(), m,
                                facts))));
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

    private static LintedMigration lint(MigrationLinter linter, LintPolicy policy, Checklist checklist, SqlMigration m,
                                        SchemaFacts facts) {
        return policy.apply(m.revision(), m.origin(), linter.lint(m, checklist.judging(facts)),
                m.migrationDirectives());
    }

    /**
     * One revision graph, and which of its migrations to lint; for another tool's migrations, the
     * Stepwise files they were written out as, to report findings at their original lines.
     */
    private record Selection(List<Migration> order, List<SqlMigration> linted, PlainChain.Result plain, Path scratch) {

        LintedMigration remap(LintedMigration result) {
            PlainChain.Written w = plain == null ? null : plain.of(Path.of(result.file())).orElse(null);
            if (w == null) {
                return result;
            }
            return new LintedMigration(w.migration().name(), w.migration().file().toString(), result.down(),
                    result.findings().stream().map(f -> remap(w, f)).toList(),
                    result.allowed().stream().map(a -> new AllowedFinding(remap(w, a.finding()), a.reason(),
                            w.origin(a.allowLine()).map(PlainChain.Origin::line).orElse(a.allowLine()))).toList());
        }

        private static Finding remap(PlainChain.Written w, Finding f) {
            PlainChain.Origin at = w.origin(f.line()).orElse(new PlainChain.Origin(w.migration().file(), 1));
            Finding.Anchor anchor = f.anchor() == null ? null : new Finding.Anchor(w.origin(f.anchor().line())
                    .map(PlainChain.Origin::line).orElse(at.line()), f.anchor().column());
            return new Finding(f.rule(), f.severity(), at.file().toString(), at.line(), f.column(), f.length(),
                    f.statement(), anchor, f.message(), f.help(), f.fix());
        }

        void deleteScratch() {
            if (scratch == null) {
                return;
            }
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException ignored) {
                // a temporary directory the system cleans up in the end
            }
        }
    }

    /** Groups the paths by the directory (revision graph) they belong to; none means the project. */
    private Map<Path, Selection> select(List<Path> paths, List<String> notices) {
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
            if (PlainMigrationFiles.isForeign(dir, LintCommand::isStepwiseFile)) {
                selections.put(dir, plain(dir, files, notices));
                return;
            }
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
            selections.put(dir, new Selection(order, linted, null, null));
        });
        return selections;
    }

    /**
     * Another tool's migrations (golang-migrate, Flyway, goose, dbmate or plain SQL files), read
     * as a chain in the order that tool applies them; {@code files} null for all of them.
     */
    private static Selection plain(Path dir, Set<Path> files, List<String> notices) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("stepwise-lint-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        PlainChain.Result chain = PlainChain.write(PlainMigrationFiles.in(dir), scratch);
        notices.add(dir + " holds no Stepwise migrations: read as " + chain.written().size() + " plain SQL"
                + " migration(s) in the order their tool applies them");
        chain.skipped().forEach((file, reason) -> notices.add("not linted: " + reason));
        MigrationSet set = new MigrationSet(MigrationCatalog.load(scratch).migrations());
        List<Migration> order = set.graph().topologicalOrder().stream().map(Revision::id).map(set::get).toList();
        if (files != null) {
            Set<Path> known = new java.util.HashSet<>(chain.skipped().keySet().stream()
                    .map(p -> p.toAbsolutePath().normalize()).toList());
            chain.written().forEach(w -> Stream.concat(w.migration().up().stream(), w.migration().down().stream())
                    .forEach(part -> known.add(part.file().toAbsolutePath().normalize())));
            files.stream().filter(f -> !known.contains(f)).findFirst().ifPresent(f -> {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, f + ": not a migration file of "
                        + dir + " (an .sql file of its tool's naming)");
            });
        }
        List<SqlMigration> linted = new ArrayList<>();
        for (Migration m : order) {
            PlainChain.Written w = chain.of(((SqlMigration) m).file()).orElseThrow();
            boolean wanted = files == null || Stream.concat(w.migration().up().stream(), w.migration().down().stream())
                    .anyMatch(part -> files.contains(part.file().toAbsolutePath().normalize()));
            if (wanted) {
                linted.add((SqlMigration) m);
            }
        }
        return new Selection(order, linted, chain, scratch);
    }

    /**
     * A Stepwise migration file: its name has the shape and it has a {@code revision:} header
     * (goose and dbmate name their files with the same kind of timestamp).
     */
    private static boolean isStepwiseFile(Path file) {
        if (MigrationFileName.parse(file.getFileName().toString()).isEmpty()) {
            return false;
        }
        try (Stream<String> lines = Files.lines(file)) {
            return lines.limit(50).anyMatch(l -> l.strip().toLowerCase(java.util.Locale.ROOT).startsWith("-- revision:"));
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return true;
        }
    }
}
