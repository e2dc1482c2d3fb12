package dev.stepwise.postgres.lint;

import dev.stepwise.lint.StatementImpact;
import dev.stepwise.lint.TableFacts;
import dev.stepwise.lint.TableSize;
import dev.stepwise.postgres.lint.rules.AddColumnRewrites;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.parse.PgType;
import dev.stepwise.postgres.statement.QualifiedName;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a statement does to the table it touches, for {@code plan}: the lock (the reference's lock
 * table), the work under it (instant, a scan, a rewrite, an index build, row changes) and its
 * duration from the table's size at {@link Estimates}' rates.
 */
final class StatementImpacts {

    static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";
    static final String SHARE = "SHARE";
    static final String SHARE_ROW_EXCLUSIVE = "SHARE ROW EXCLUSIVE";
    static final String SHARE_UPDATE_EXCLUSIVE = "SHARE UPDATE EXCLUSIVE";
    static final String EXCLUSIVE = "EXCLUSIVE";
    static final String ROW_EXCLUSIVE = "ROW EXCLUSIVE";

    private static final List<String> STRENGTH = List.of(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE,
            SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);

    /** The work a statement does and the rate it goes at (bytes per second; 0 for instant). */
    private record Work(String name, long rate, boolean concurrent) {
        static final Work INSTANT = new Work("instant", 0, false);
        static final Work SCAN = new Work("scan", Estimates.SCAN, false);
        static final Work REWRITE = new Work("rewrite", Estimates.REWRITE, false);
        static final Work INDEX_BUILD = new Work("index build", Estimates.INDEX_BUILD, false);
        static final Work ROW_CHANGES = new Work("row changes", Estimates.ROW_CHANGES, false);
        static final Work RECOMPUTE = new Work("recompute", Estimates.REWRITE, false);
        // a concurrent build reads the table twice and waits for older transactions
        static final Work CONCURRENT_BUILD = new Work("concurrent build", Estimates.INDEX_BUILD / 2, true);
        static final Work VALIDATING_SCAN = new Work("validating scan", Estimates.SCAN, true);

        int weight() {
            return rate == 0 ? 0 : (int) (1_000_000_000L / rate);
        }
    }

    private StatementImpacts() {
    }

    static StatementImpact of(StatementContext ctx) {
        ParsedStatement p = ctx.parsed();
        if (p instanceof ParsedStatement.CreateIndex i && i.table() != null) {
            return i.concurrently() ? impact(ctx, i.table(), SHARE_UPDATE_EXCLUSIVE, Work.CONCURRENT_BUILD)
                    : impact(ctx, i.table(), SHARE, Work.INDEX_BUILD);
        }
        if (p instanceof ParsedStatement.Reindex r && r.target() != null) {
            QualifiedName table = r.scope().equals("TABLE") ? r.target() : null;
            return r.concurrently() ? impact(ctx, table, SHARE_UPDATE_EXCLUSIVE, Work.CONCURRENT_BUILD)
                    : impact(ctx, table, r.scope().equals("TABLE") ? SHARE : ACCESS_EXCLUSIVE, Work.INDEX_BUILD);
        }
        if (p instanceof ParsedStatement.DropIndex d) {
            return impact(ctx, null, d.concurrently() ? SHARE_UPDATE_EXCLUSIVE : ACCESS_EXCLUSIVE, Work.INSTANT);
        }
        if (p instanceof ParsedStatement.AlterTable a) {
            return alter(ctx, a);
        }
        if (p instanceof ParsedStatement.DropTable d && !d.tables().isEmpty()) {
            return impact(ctx, d.tables().get(0), ACCESS_EXCLUSIVE, Work.INSTANT);
        }
        if (p instanceof ParsedStatement.Truncate t && !t.tables().isEmpty()) {
            return impact(ctx, t.tables().get(0), ACCESS_EXCLUSIVE, Work.INSTANT);
        }
        if (p instanceof ParsedStatement.Vacuum v) {
            QualifiedName table = v.tables().isEmpty() ? null : v.tables().get(0);
            return v.full() ? impact(ctx, table, ACCESS_EXCLUSIVE, Work.REWRITE)
                    : impact(ctx, table, SHARE_UPDATE_EXCLUSIVE, new Work("scan", Estimates.SCAN, true));
        }
        if (p instanceof ParsedStatement.Cluster c) {
            return impact(ctx, c.table(), ACCESS_EXCLUSIVE, Work.REWRITE);
        }
        if (p instanceof ParsedStatement.RefreshMaterializedView r) {
            return r.concurrently() ? impact(ctx, r.view(), EXCLUSIVE, Work.RECOMPUTE)
                    : impact(ctx, r.view(), ACCESS_EXCLUSIVE, Work.RECOMPUTE);
        }
        if (p instanceof ParsedStatement.Trigger trigger) {
            // CREATE TRIGGER blocks writes only; DROP TRIGGER takes the table whole, briefly
            return impact(ctx, trigger.table(), trigger.create() ? SHARE_ROW_EXCLUSIVE : ACCESS_EXCLUSIVE,
                    Work.INSTANT);
        }
        if (p instanceof ParsedStatement.CreateTable create) {
            // a foreign key to an existing table takes SHARE ROW EXCLUSIVE on it (nothing to check yet)
            Optional<ParsedStatement.References> referenced = java.util.stream.Stream.concat(
                    create.constraints().stream().map(ParsedStatement.TableConstraint::references),
                    create.columns().stream().map(ParsedStatement.ColumnDef::references))
                    .filter(java.util.Objects::nonNull).filter(r -> !ctx.table(r.table()).isNew()).findFirst();
            if (referenced.isPresent()) {
                return impact(ctx, referenced.get().table(), SHARE_ROW_EXCLUSIVE, Work.INSTANT);
            }
        }
        if (p instanceof ParsedStatement.DataChange d && d.table() != null) {
            return impact(ctx, d.table(), ROW_EXCLUSIVE, ctx.batched()
                    ? new Work("row changes", Estimates.ROW_CHANGES, true) : Work.ROW_CHANGES);
        }
        return new StatementImpact(ctx.statement().line(), ctx.statement().sql(), null, null, TableSize.UNKNOWN, false,
                "instant", Duration.ZERO);
    }

    /** The strongest lock and the slowest work of the subcommands. */
    private static StatementImpact alter(StatementContext ctx, ParsedStatement.AlterTable a) {
        String lock = null;
        Work work = Work.INSTANT;
        TableView table = ctx.table(a.table());
        for (ParsedStatement.AlterAction action : a.actions()) {
            String l = ACCESS_EXCLUSIVE;
            Work w = Work.INSTANT;
            if (action instanceof ParsedStatement.AddColumn add) {
                if (AddColumnRewrites.whyRewrite(ctx, add.column()) != null) {
                    w = Work.REWRITE;
                } else if (add.column().references() != null || add.column().primaryKey() || add.column().unique()) {
                    w = add.column().references() != null ? Work.SCAN : Work.INDEX_BUILD;
                }
            } else if (action instanceof ParsedStatement.AlterColumnType change) {
                w = rewritesType(table, change) ? Work.REWRITE : Work.INSTANT;
            } else if (action instanceof ParsedStatement.SetNotNull set) {
                w = ctx.serverVersion() >= 12 && ctx.notNullProven(a.table(), set.column()) ? Work.INSTANT : Work.SCAN;
            } else if (action instanceof ParsedStatement.AddConstraint add && add.constraint() != null) {
                ParsedStatement.TableConstraint c = add.constraint();
                switch (c.kind()) {
                    case FOREIGN_KEY -> {
                        l = SHARE_ROW_EXCLUSIVE;
                        w = add.notValid() ? Work.INSTANT : Work.SCAN;
                    }
                    case CHECK -> w = add.notValid() ? Work.INSTANT : Work.SCAN;
                    case UNIQUE, PRIMARY_KEY -> w = c.usingIndex() != null ? Work.INSTANT : Work.INDEX_BUILD;
                    default -> w = Work.INDEX_BUILD;
                }
            } else if (action instanceof ParsedStatement.ValidateConstraint) {
                l = SHARE_UPDATE_EXCLUSIVE;
                w = Work.VALIDATING_SCAN;
            } else if (action instanceof ParsedStatement.Rewrite) {
                w = Work.REWRITE;
            } else if (action instanceof ParsedStatement.AttachPartition) {
                l = SHARE_UPDATE_EXCLUSIVE;
            } else if (action instanceof ParsedStatement.DetachPartition d && d.concurrently()) {
                l = SHARE_UPDATE_EXCLUSIVE;
            } else if (action instanceof ParsedStatement.OtherAction other) {
                l = otherLock(other.words());
            }
            lock = lock == null || STRENGTH.indexOf(l) > STRENGTH.indexOf(lock) ? l : lock;
            work = w.weight() > work.weight() ? w : work;
        }
        return impact(ctx, a.table(), lock == null ? ACCESS_EXCLUSIVE : lock, work);
    }

    /** The lock of the ALTER TABLE forms the parser keeps as words (PostgreSQL's ALTER TABLE page). */
    static String otherLock(String words) {
        String w = words.toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        if (w.matches("(ENABLE|DISABLE)( ALWAYS| REPLICA)? TRIGGER.*")) {
            return SHARE_ROW_EXCLUSIVE;
        }
        if (w.matches("ALTER (COLUMN )?\\S+ (SET STATISTICS|SET \\(|RESET \\().*") || w.startsWith("CLUSTER ON")
                || w.startsWith("SET WITHOUT CLUSTER") || w.startsWith("SET (") || w.startsWith("RESET (")) {
            return SHARE_UPDATE_EXCLUSIVE;
        }
        return ACCESS_EXCLUSIVE;
    }

    private static boolean rewritesType(TableView table, ParsedStatement.AlterColumnType change) {
        Optional<TableFacts.ColumnFacts> column = table.facts() == null ? Optional.empty()
                : table.facts().column(change.column());
        // not knowing the type before, assume the worst
        return column.isEmpty() || TypeChanges.cost(PgType.ofFormatted(column.get().type()), change.type(),
                TypeChanges.usingChangesValues(change.using(), change.column())) == TypeChanges.Cost.REWRITE;
    }

    private static StatementImpact impact(StatementContext ctx, QualifiedName name, String lock, Work work) {
        TableView table = name == null ? null : ctx.table(name);
        boolean existing = table == null || !table.isNew();
        TableSize size = table == null ? TableSize.UNKNOWN : table.size();
        boolean blocks = existing && !work.concurrent() && STRENGTH.indexOf(lock) >= STRENGTH.indexOf(SHARE);
        Duration estimate;
        if (work.rate() == 0 || table != null && table.isNew()) {
            estimate = Duration.ZERO;
        } else if (size.kind() == TableSize.Kind.UNKNOWN || size.bytes() < 0) {
            estimate = null;
        } else {
            estimate = Duration.ofMillis(Math.max(1, size.bytes() * 1000 / work.rate()));
        }
        return new StatementImpact(ctx.statement().line(), ctx.statement().sql(), existing ? lock : null,
                name == null ? null : name.toString(), size, blocks, work.name(), estimate);
    }
}
