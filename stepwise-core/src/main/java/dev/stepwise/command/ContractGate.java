package dev.stepwise.command;

import dev.stepwise.config.DurationText;
import dev.stepwise.history.Action;
import dev.stepwise.history.HistoryLedger;
import dev.stepwise.history.HistoryRow;
import dev.stepwise.history.Outcome;
import dev.stepwise.source.Migration;
import dev.stepwise.source.Phase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The contract gate (PRODUCT.md, "Phases"): a contract migration never runs in the same run as
 * the expand migration it finishes (its {@code expands:} header, else its nearest expand
 * ancestor), nor before {@code contract_delay} has passed since that expand, because the code
 * deployed between them is what stops using what the contract removes. A new database is
 * exempt (a run that started from base, or resumes an unfinished one that did: no old code can
 * be running), and so is a run with {@code --force-contract}, which is recorded.
 */
final class ContractGate {

    /** Why a contract migration waits, or that it was let through only because the user forced it. */
    record Verdict(boolean blocked, boolean forced, String reason) {

        static final Verdict OPEN = new Verdict(false, false, null);
    }

    private final MigrationSet set;
    private final HistoryLedger ledger;
    private final Clock clock;
    private final Duration delay;
    private final boolean newDatabase;
    private final boolean force;
    private final UsageCheck usage;

    /** @param usage the usage check where the database counts statements, else null */
    ContractGate(MigrationSet set, HistoryLedger ledger, Clock clock, Duration delay, Set<String> headsAtStart,
                 boolean force, UsageCheck usage) {
        this.set = set;
        this.ledger = ledger;
        this.clock = clock;
        this.delay = delay;
        this.newDatabase = headsAtStart.isEmpty() || resumesARunFromBase(ledger.rows());
        this.force = force;
        this.usage = usage;
    }

    /**
     * After a migration was applied: an expand migration that a known contract finishes gets the
     * usage baseline that contract will be compared with (a new database needs none).
     */
    void applied(Migration m) {
        if (usage == null || newDatabase || m.header().phase() != Phase.EXPAND) {
            return;
        }
        boolean finished = set.all().stream().anyMatch(c -> c.header().phase() == Phase.CONTRACT
                && m.revision().equals(expandOf(c)));
        if (finished) {
            usage.baseline(m.revision());
        }
    }

    Verdict judge(Migration m, Predicate<String> appliedThisRun) {
        if (m.header().phase() != Phase.CONTRACT || newDatabase) {
            return Verdict.OPEN;
        }
        String reason = blockedBecause(m, appliedThisRun);
        if (reason == null) {
            return Verdict.OPEN;
        }
        return force ? new Verdict(false, true, reason) : new Verdict(true, false, reason);
    }

    private String blockedBecause(Migration m, Predicate<String> appliedThisRun) {
        String expand = expandOf(m);
        if (expand != null) {
            String reason = timingOf(expand, appliedThisRun);
            if (reason != null) {
                return reason;
            }
        }
        // a contract without an expand keeps its baseline under its own revision
        return usage == null ? null : usage.closedBecause(m, expand != null ? expand : m.revision());
    }

    /** Why it is too soon after the expand, or null. */
    private String timingOf(String expand, Predicate<String> appliedThisRun) {
        if (appliedThisRun.test(expand)) {
            return "its expand migration " + expand + " was applied in this run: deploy the code that stops using"
                    + " what it removes, then run `stepwise upgrade` again";
        }
        Optional<HistoryRow> applied = ledger.lastApplied(expand);
        if (applied.isEmpty()) {
            return "its expand migration " + expand + " is not applied";
        }
        Instant at = applied.get().finishedAt() != null ? applied.get().finishedAt() : applied.get().startedAt();
        Instant opens = at.plus(delay);
        Instant now = clock.instant();
        if (now.isBefore(opens)) {
            return "contract_delay is " + DurationText.format(delay) + " and its expand migration " + expand
                    + " was applied " + DurationText.format(Duration.ofSeconds(
                    Math.round(Duration.between(at, now).toMillis() / 1000.0))) + " ago: it may run from " + opens;
        }
        return null;
    }

    /** The {@code expands:} header, else the nearest ancestor in the expand phase. */
    String expandOf(Migration m) {
        if (m.header().expands() != null) {
            return m.header().expands();
        }
        Deque<String> queue = new ArrayDeque<>(m.header().downRevisions());
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String id = queue.removeFirst();
            if (!seen.add(id) || !set.graph().contains(id)) {
                continue;
            }
            Migration ancestor = set.get(id);
            if (ancestor.header().phase() == Phase.EXPAND) {
                return id;
            }
            queue.addAll(ancestor.header().downRevisions());
        }
        return null;
    }

    /**
     * Whether the newest earlier run did not finish and started from base (or itself resumed one
     * that did): replaying the history before its first row leaves nothing applied.
     */
    static boolean resumesARunFromBase(List<HistoryRow> rows) {
        Map<String, List<HistoryRow>> byRun = new LinkedHashMap<>();
        for (HistoryRow row : rows) {
            byRun.computeIfAbsent(row.runId(), r -> new java.util.ArrayList<>()).add(row);
        }
        List<String> runs = List.copyOf(byRun.keySet());
        boolean exempt = false;
        for (int i = 0; i < runs.size(); i++) {
            List<HistoryRow> run = byRun.get(runs.get(i));
            boolean fromBase = appliedBefore(rows, run.get(0).id()).isEmpty();
            boolean previousUnfinished = i > 0 && !finished(byRun.get(runs.get(i - 1)));
            exempt = fromBase || previousUnfinished && exempt;
        }
        return !runs.isEmpty() && exempt && !finished(byRun.get(runs.get(runs.size() - 1)));
    }

    private static boolean finished(List<HistoryRow> run) {
        return run.stream().filter(HistoryRow::isWholeMigration).noneMatch(r -> r.outcome() == Outcome.FAILED
                || r.outcome() == Outcome.INTERRUPTED || r.outcome() == Outcome.RUNNING);
    }

    private static Set<String> appliedBefore(List<HistoryRow> rows, long id) {
        Set<String> applied = new HashSet<>();
        for (HistoryRow row : rows) {
            if (row.id() >= id) {
                break;
            }
            if (!row.isWholeMigration() || !row.outcome().succeeded()) {
                continue;
            }
            if (row.action() == Action.UP || row.action() == Action.STAMP) {
                applied.add(row.revision());
            } else if (row.action() == Action.DOWN) {
                applied.remove(row.revision());
            }
        }
        return applied;
    }
}
