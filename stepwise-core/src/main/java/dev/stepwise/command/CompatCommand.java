package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.compat.Description;
import dev.stepwise.compat.Query;
import dev.stepwise.compat.QueryFile;
import dev.stepwise.compat.QueryVerdict;
import dev.stepwise.compat.ShapeComparison;
import dev.stepwise.compat.Verdict;
import dev.stepwise.dialect.StatementDescriber;
import dev.stepwise.graph.Revision;
import dev.stepwise.graph.Targets;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.source.Migration;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.sql.JdbcPlaceholders;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code compat --queries FILE [TARGET]}: whether the running code's statements still prepare,
 * with the same parameter types and result columns, once the pending expand migrations (what
 * {@code upgrade --phase expand} would apply) are in place; the old code runs against that schema
 * until the deploy.
 *
 * <p>The migrations the target has applied are replayed into a scratch database, every statement
 * is described there, the pending expand migrations are replayed on top, and every statement is
 * described again. Describing never runs a statement, and each is done in a transaction that is
 * rolled back, on a connection of its own (a driver's caches on a connection would describe the schema
 * before a migration as the one after it). With a target database configured, the statements are also described on it: one
 * that fails there fails today, whatever the migrations do; one that prepares there but not on
 * the replay meets objects the migration files do not make, and is not judged.
 */
public final class CompatCommand {

    /**
     * What to check.
     *
     * @param queries the running code's statements, separated by {@code ;}
     * @param shownAs how reports name the file (as the user wrote it)
     * @param target  the upgrade target whose pending expand migrations count ({@code head})
     */
    public record Request(Path queries, String shownAs, String target) {
    }

    /**
     * The result.
     *
     * @param queries    the file, as the user named it
     * @param context    {@code target} when the current schema is the target's, {@code replay} when it is a
     *                   replay of the applied migrations
     * @param expands    the pending expand migrations the statements were checked against, in order
     * @param statements one verdict per statement, in file order
     */
    public record Report(String queries, String context, List<String> expands, List<QueryVerdict> statements,
                         List<String> notices) {

        public boolean hasFailures() {
            return count(Verdict.FAILURE) > 0;
        }

        public long count(Verdict verdict) {
            return statements.stream().filter(s -> s.verdict() == verdict).count();
        }
    }

    private final Workspace workspace;

    public CompatCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public Report run(Request request) {
        StatementDescriber describer = workspace.dialect().statementDescriber();
        // transaction and session statements (BEGIN, SET, SHOW...) are sorted out once, up front
        List<Query> queries = new ArrayList<>();
        List<QueryVerdict> skipped = new ArrayList<>();
        for (Query q : QueryFile.read(request.queries(), request.shownAs())) {
            String why = describer.notDescribable(q.statement());
            if (why == null) {
                queries.add(q);
            } else {
                skipped.add(new QueryVerdict(q.file(), q.line(), q.statement(), Verdict.SKIPPED, List.of(why)));
            }
        }
        MigrationSet set = workspace.migrations();
        Targets targets = new Targets(set.graph());
        DatabaseState state = DatabaseState.heads(workspace);
        targets.requireKnown(state.heads());
        List<Migration> pending = targets.upgradeTo(request.target(), state.heads()).steps().stream()
                .map(r -> set.get(r.id())).toList();
        List<Migration> expands = UpgradeCommand.expandPhase(pending, new ArrayList<>());
        Set<String> applied = targets.appliedSet(state.heads());
        List<Migration> replayed = set.graph().topologicalOrder().stream().map(Revision::id)
                .filter(applied::contains).map(set::get).toList();
        List<String> notices = new ArrayList<>();
        if (expands.isEmpty()) {
            notices.add("no expand migration is pending: every statement is checked against the current schema only");
        }
        try {
            List<Description> current = null;
            int targetVersion = 0;
            if (workspace.targetConfigured()) {
                try (Connection target = workspace.openCatalogConnection()) {
                    targetVersion = workspace.dialect().serverInfo(target).majorVersion();
                    current = describeAll(describer, target, queries);
                }
            }
            String name = workspace.runId() + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
            try (ReplayDatabase replay = ReplayDatabase.create(workspace.replayServer(targetVersion),
                    workspace.dialect(), name)) {
                replayed.forEach(m -> replay(replay, m, "applied", notices));
                List<Description> before;
                try (Connection c = replay.openSession()) {
                    before = describeAll(describer, c, queries);
                }
                expands.forEach(m -> replay(replay, m, "pending expand", notices));
                List<Description> after;
                try (Connection c = replay.openSession()) {
                    after = describeAll(describer, c, queries);
                }
                List<QueryVerdict> verdicts = new ArrayList<>(skipped);
                for (int i = 0; i < queries.size(); i++) {
                    verdicts.add(verdict(queries.get(i), current == null ? null : current.get(i), before.get(i),
                            after.get(i)));
                }
                verdicts.sort(Comparator.comparingInt(QueryVerdict::line));
                return new Report(request.shownAs(), current == null ? "replay" : "target",
                        expands.stream().map(Migration::revision).toList(), verdicts, notices);
            }
        } catch (SQLException e) {
            throw new DatabaseException("describing the statements of " + request.shownAs(), e);
        }
    }

    private static void replay(ReplayDatabase replay, Migration m, String which, List<String> notices) {
        if (!(m instanceof SqlMigration sql)) {
            notices.add("Java migration " + m.revision() + " is not replayed: what it changes is unknown to compat");
            return;
        }
        try {
            replay.apply(sql);
        } catch (ReplayDatabase.ReplayFailed e) {
            throw new StepwiseException(StepwiseException.Category.FAILED, "the replay of the " + which
                    + " migration " + m.revision() + " failed, so compat cannot tell what the statements meet: "
                    + e.getMessage());
        }
    }

    /** Describes every statement in one transaction, rolled back: nothing is run, nothing is left. */
    private static List<Description> describeAll(StatementDescriber describer, Connection c, List<Query> queries)
            throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            List<Description> descriptions = new ArrayList<>();
            for (Query q : queries) {
                descriptions.add(describer.describe(c, JdbcPlaceholders.numbered(q.statement())));
            }
            return descriptions;
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    /**
     * @param current the description on the target, or null without one
     * @param before  on the replay of the applied migrations
     * @param after   on the replay with the pending expand migrations on top
     */
    static QueryVerdict verdict(Query q, Description current, Description before, Description after) {
        Description now = current != null ? current : before;
        if (!now.prepares()) {
            return new QueryVerdict(q.file(), q.line(), q.statement(), Verdict.ALREADY_FAILING,
                    List.of("does not prepare on the current schema: " + now.error()));
        }
        if (!before.prepares()) {
            return new QueryVerdict(q.file(), q.line(), q.statement(), Verdict.NOT_JUDGED,
                    List.of("prepares on the target but not on a replay of its applied migrations (the target has"
                            + " objects the migration files do not make): " + before.error()));
        }
        // judged on the replay, so that only what the migrations change counts
        ShapeComparison.Judgement judged = ShapeComparison.judge(before, after);
        List<String> changes = new ArrayList<>(judged.changes());
        if (current != null) {
            List<String> drift = ShapeComparison.differences(current.shape(), before.shape());
            if (!drift.isEmpty()) {
                changes.add("note: the target differs from a replay of its applied migrations here: "
                        + String.join("; ", drift));
            }
        }
        return new QueryVerdict(q.file(), q.line(), q.statement(), judged.verdict(), changes);
    }
}
