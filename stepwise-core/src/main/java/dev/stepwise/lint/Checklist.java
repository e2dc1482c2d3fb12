package dev.stepwise.lint;

import java.time.Duration;
import java.util.Locale;

/**
 * The thresholds of PRODUCT.md's zero-downtime checklist, from {@code [checklist]} in
 * {@code stepwise.toml}: how long a migration may spend in steps that block traffic, how long it
 * may hold a blocking lock on a large table, and what makes a table large (which also decides
 * whether a locking finding is only {@code info}).
 *
 * @param blockingBudget      time in transactional steps holding SHARE or stronger on existing tables
 * @param longestBlockingLock longest a blocking lock may be held on a large table
 * @param largeTableRows      rows from which an analysed table is large
 * @param largeTableBytes     heap bytes from which a table is large
 */
public record Checklist(Duration blockingBudget, Duration longestBlockingLock, long largeTableRows,
                        long largeTableBytes) {

    public static final Checklist DEFAULT = new Checklist(Duration.ofSeconds(60), Duration.ofSeconds(1),
            TableSize.ROW_THRESHOLD, TableSize.BYTE_THRESHOLD);

    /** How the size threshold reads in a message: {@code 10,000 rows or 10 MB}. */
    public String describeLargeTable() {
        return String.format(Locale.ROOT, "%,d rows or %s", largeTableRows, TableSize.megabytes(largeTableBytes));
    }

    /** The facts with every table judged by these thresholds instead of the defaults. */
    public SchemaFacts judging(SchemaFacts facts) {
        if (largeTableRows == TableSize.ROW_THRESHOLD && largeTableBytes == TableSize.BYTE_THRESHOLD) {
            return facts;
        }
        return new SchemaFacts() {
            @Override
            public Source source() {
                return facts.source();
            }

            @Override
            public int serverMajorVersion() {
                return facts.serverMajorVersion();
            }

            @Override
            public java.util.Optional<TableFacts> table(String schema, String name) {
                return facts.table(schema, name).map(t -> t.withSize(t.size().judgedBy(Checklist.this)));
            }

            @Override
            public boolean knowsTables() {
                return facts.knowsTables();
            }

            @Override
            public java.util.Optional<Character> functionVolatility(String schema, String name) {
                return facts.functionVolatility(schema, name);
            }

            @Override
            public java.util.List<String> enumLabels(String schema, String name) {
                return facts.enumLabels(schema, name);
            }
        };
    }
}
