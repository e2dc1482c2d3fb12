package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.MigrationLinter;
import dev.stepwise.graph.Revision;
import dev.stepwise.graph.Targets;
import dev.stepwise.lint.Checklist;
import dev.stepwise.lint.DownVerdict;
import dev.stepwise.lint.Finding;
import dev.stepwise.lint.LintPolicy;
import dev.stepwise.lint.LintedMigration;
import dev.stepwise.lint.RuleGroup;
import dev.stepwise.lint.RuleInfo;
import dev.stepwise.lint.SchemaFacts;
import dev.stepwise.lint.Severity;
import dev.stepwise.lint.StatementImpact;
import dev.stepwise.lint.TableSize;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.run.StepLayout;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;
import dev.stepwise.source.Phase;
import dev.stepwise.source.SqlMigration;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code plan [TARGET]}: the steps {@code upgrade} would run, in order, each statement with its
 * lock, table, size, transaction and estimated duration, the totals, and the zero-downtime
 * checklist of PRODUCT.md ticked or not. Sizes come from the target database; the structure each
 * migration meets from a replay of the ones before it (so a table made by an earlier pending
 * migration is known, and empty).
 *
 * <p>Durations are estimates from sizes at fixed rates (see the dialect's estimates): they tell a
 * second from a minute. A step whose table size is unknown has an unknown duration, and the
 * checklist items that depend on it say so instead of passing.
 */
public final class PlanCommand {

    /** The checklist thresholds (PRODUCT.md): time in blocking steps, and the longest blocking lock. */

    /**
     * One step.
     *
     * @param kind      {@code transaction}, {@code own transaction}, {@code autocommit} or {@code batched}
     * @param blocking  how long it holds a lock that blocks traffic on an existing table, null when unknown
     * @param duration  how long it takes, null when unknown
     */
    public record Step(int number, String kind, List<StatementImpact> statements, Duration blocking, Duration duration) {
    }

    /** One pending migration. */
    public record PlannedMigration(String revision, String message, String phase, List<Step> steps, Duration duration,
                                   Duration blocking, String down, List<Finding> findings) {
    }

    public enum Tick { YES, NO, UNKNOWN }

    public record ChecklistItem(int number, String name, Tick tick, String detail) {
    }

    /**
     * The plan.
     *
     * @param compat what the pending expand migrations do to the running code's statements, when
     *               {@code compat_queries} is configured; else null
     */
    public record Plan(Set<String> from, String target, int serverMajorVersion, List<PlannedMigration> migrations,
                       Duration duration, Duration blocking, List<ChecklistItem> checklist, List<String> notices,
                       CompatCommand.Report compat) {
    }

    private final Workspace workspace;

    public PlanCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public Plan run(String target) {
        MigrationSet set = workspace.migrations();
        Targets targets = new Targets(set.graph());
        DatabaseState state = DatabaseState.heads(workspace);
        targets.requireKnown(state.heads());
        List<Migration> pending = targets.upgradeTo(target, state.heads()).steps().stream()
                .map(r -> set.get(r.id())).toList();
        Set<String> wanted = new LinkedHashSet<>();
        pending.forEach(m -> wanted.add(m.revision()));
        List<Migration> order = set.graph().topologicalOrder().stream().map(Revision::id).map(set::get).toList();
        MigrationLinter linter = workspace.dialect().linter();
        LintCommand lint = new LintCommand(workspace);
        List<RuleInfo> rules = lint.rules();
        LintPolicy policy = LintPolicy.configured(workspace.config().lintSeverities(), rules);
        Set<String> compatibilityRules = new HashSet<>();
        rules.stream().filter(r -> r.group() == RuleGroup.COMPATIBILITY).forEach(r -> compatibilityRules.add(r.id()));
        List<String> notices = new ArrayList<>();
        List<PlannedMigration> planned = new ArrayList<>();
        int version;
        try (Connection c = workspace.openCatalogConnection()) {
            version = pending.isEmpty() ? workspace.dialect().serverInfo(c).majorVersion()
                    : new MigrationFacts(workspace, notices).walk(order, wanted, c, (m, found) -> {
                        SchemaFacts facts = workspace.config().checklist().judging(found);
                        List<StatementImpact> impacts = linter.explain(m, facts);
                        // as upgrade judges it: the +up it runs
                        LintedMigration linted = policy.apply(m.revision(), m.origin(), linter.lint(m, facts).upOnly(),
                                m.migrationDirectives()).without(LintPolicy.UNUSED_ALLOW);
                        planned.add(migration(m, impacts, linted, facts.serverMajorVersion()));
                    });
        } catch (SQLException e) {
            throw new DatabaseException("reading the target's catalog for the plan", e);
        }
        for (Migration m : pending) {
            if (!(m instanceof SqlMigration)) {
                planned.add(new PlannedMigration(m.revision(), m.header().message(), m.header().phase().keyword(),
                        List.of(), null, null, "java", List.of()));
            }
        }
        List<PlannedMigration> ordered = pending.stream().map(m -> planned.stream()
                .filter(p -> p.revision().equals(m.revision())).findFirst().orElseThrow()).toList();
        Duration total = sum(ordered.stream().map(PlannedMigration::duration).toList());
        Duration blocking = sum(ordered.stream().map(PlannedMigration::blocking).toList());
        CompatCommand.Report compat = compat(target, notices);
        return new Plan(state.heads(), target, version, ordered, total, blocking,
                checklist(ordered, blocking, compatibilityRules, workspace.config().checklist(), compat), notices,
                compat);
    }

    /** The compat check of the configured queries file, or null; a check that cannot run is a notice. */
    private CompatCommand.Report compat(String target, List<String> notices) {
        Path queries = workspace.config().compatQueries();
        if (queries == null) {
            return null;
        }
        Path project = workspace.config().projectDirectory();
        String shown = queries.startsWith(project) ? project.relativize(queries).toString() : queries.toString();
        try {
            return new CompatCommand(workspace).run(new CompatCommand.Request(queries, shown, target));
        } catch (StepwiseException e) {
            if (e.category() == StepwiseException.Category.BAD_INPUT) {
                throw e;
            }
            notices.add("compat_queries " + shown + " not checked: " + e.getMessage());
            return null;
        }
    }

    private PlannedMigration migration(SqlMigration m, List<StatementImpact> impacts, LintedMigration linted,
                                       int version) {
        StepLayout layout = StepLayout.of(m.plan(Direction.UP, workspace.dialect().classifier(version)));
        List<Step> steps = new ArrayList<>();
        for (StepLayout.Step s : layout.steps()) {
            List<StatementImpact> statements = impacts.subList(Math.min(s.first(), impacts.size()),
                    Math.min(s.end(), impacts.size()));
            steps.add(new Step(steps.size() + 1, kind(s.kind()), List.copyOf(statements),
                    s.transactional() ? heldBlocking(statements) : Duration.ZERO,
                    sum(statements.stream().map(StatementImpact::estimate).toList())));
        }
        return new PlannedMigration(m.revision(), m.header().message(), m.header().phase().keyword(), steps,
                sum(steps.stream().map(Step::duration).toList()), sum(steps.stream().map(Step::blocking).toList()),
                linted.down().kind() == DownVerdict.Kind.MISSING ? "missing" : linted.down().kind().word(),
                linted.findings());
    }

    /**
     * How long a transactional step holds a lock that blocks traffic: from its first blocking
     * statement to its commit (a lock is held until then), or null when a duration in that span
     * is unknown.
     */
    static Duration heldBlocking(List<StatementImpact> statements) {
        int first = -1;
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).blocksTraffic()) {
                first = i;
                break;
            }
        }
        return first < 0 ? Duration.ZERO
                : sum(statements.subList(first, statements.size()).stream().map(StatementImpact::estimate).toList());
    }

    /** The longest a blocking lock is held on a table above the size threshold (or of unknown size). */
    static Duration longestBlockingLock(PlannedMigration m, boolean[] unknown) {
        Duration longest = Duration.ZERO;
        for (Step step : m.steps()) {
            if (!step.kind().equals("transaction") && !step.kind().equals("own transaction")) {
                continue;
            }
            List<StatementImpact> s = step.statements();
            for (int i = 0; i < s.size(); i++) {
                StatementImpact impact = s.get(i);
                if (!impact.blocksTraffic() || impact.size().kind() == TableSize.Kind.SMALL) {
                    continue;
                }
                Duration held = sum(s.subList(i, s.size()).stream().map(StatementImpact::estimate).toList());
                if (held == null) {
                    unknown[0] = true;
                } else if (held.compareTo(longest) > 0) {
                    longest = held;
                }
            }
        }
        return longest;
    }

    private static List<ChecklistItem> checklist(List<PlannedMigration> migrations, Duration blocking,
                                                 Set<String> compatibilityRules, Checklist limits,
                                                 CompatCommand.Report compat) {
        Duration budget = limits.blockingBudget();
        Duration longestAllowed = limits.longestBlockingLock();
        List<ChecklistItem> items = new ArrayList<>();
        items.add(blocking == null
                ? new ChecklistItem(1, "fast where it blocks", Tick.UNKNOWN,
                "the size of a table that a blocking step locks is not known (point --url at the target)")
                : new ChecklistItem(1, "fast where it blocks", blocking.compareTo(budget) < 0 ? Tick.YES : Tick.NO,
                "about " + human(blocking) + " in steps that block traffic (limit " + human(budget) + ")"));
        boolean[] unknown = {false};
        Duration longest = Duration.ZERO;
        String where = "";
        for (PlannedMigration m : migrations) {
            Duration l = longestBlockingLock(m, unknown);
            if (l.compareTo(longest) > 0) {
                longest = l;
                where = " (in " + m.revision() + ")";
            }
        }
        if (longest.compareTo(longestAllowed) > 0) {
            items.add(new ChecklistItem(2, "no long blocking lock", Tick.NO, "a lock that blocks traffic on a large"
                    + " table is held for about " + human(longest) + where + " (limit " + human(longestAllowed) + ")"));
        } else if (unknown[0]) {
            items.add(new ChecklistItem(2, "no long blocking lock", Tick.UNKNOWN,
                    "a blocking lock is taken on a table of unknown size"));
        } else {
            items.add(new ChecklistItem(2, "no long blocking lock", Tick.YES, "none held over "
                    + human(longestAllowed) + " on a table above " + limits.describeLargeTable()));
        }
        List<String> breaking = new ArrayList<>();
        for (PlannedMigration m : migrations) {
            if (!m.phase().equals(Phase.EXPAND.keyword())) {
                continue;
            }
            m.findings().stream().filter(f -> compatibilityRules.contains(f.rule()) && f.severity() != Severity.INFO)
                    .forEach(f -> breaking.add(m.revision() + " " + f.rule()));
        }
        long failing = compat == null ? 0 : compat.count(dev.stepwise.compat.Verdict.FAILURE);
        String statements = failing == 0 ? "" : failing + " statement(s) of " + compat.queries()
                + " no longer prepare alike after the expand migrations";
        items.add(new ChecklistItem(3, "backward compatible", breaking.isEmpty() && failing == 0 ? Tick.YES : Tick.NO,
                breaking.isEmpty() && failing == 0 ? "no expand migration has a compatibility finding"
                        + (compat == null ? "" : ", and every statement of " + compat.queries() + " prepares alike")
                        : breaking.isEmpty() ? statements
                        : "compatibility findings in expand migrations: " + String.join(", ", breaking)
                        + (failing == 0 ? "" : "; " + statements)));
        items.add(new ChecklistItem(4, "rollback tested", Tick.UNKNOWN,
                "no stairway test (up, down, up) has been run for these migrations"));
        return items;
    }

    private static String kind(StepLayout.Kind kind) {
        return switch (kind) {
            case TRANSACTION -> "transaction";
            case OWN_TRANSACTION -> "own transaction";
            case AUTOCOMMIT -> "autocommit";
            case BATCH -> "batched";
        };
    }

    /** The sum, or null when any part is unknown. */
    static Duration sum(List<Duration> parts) {
        Duration total = Duration.ZERO;
        for (Duration d : parts) {
            if (d == null) {
                return null;
            }
            total = total.plus(d);
        }
        return total;
    }

    public static String human(Duration d) {
        if (d == null) {
            return "unknown";
        }
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 120_000) {
            return Math.round(ms / 1000.0) + " s";
        }
        return Math.round(ms / 60_000.0) + " min";
    }
}
