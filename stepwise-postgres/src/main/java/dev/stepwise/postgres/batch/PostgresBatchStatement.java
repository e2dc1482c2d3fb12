package dev.stepwise.postgres.batch;

import dev.stepwise.dialect.BatchStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * One batched statement's SQL on PostgreSQL. Each batch is one statement: the next keys in
 * primary-key order (a range of the key index, never an OFFSET), the last of them as the
 * batch's bound, and the user's statement with that key range added to its {@code WHERE}; the
 * statement's own filter stays inside every batch.
 */
final class PostgresBatchStatement implements BatchStatement {

    private final BatchedDml dml;
    /** The key columns, quoted. */
    private final List<String> keys;
    /** The key columns' types, as {@code format_type} writes them. */
    private final List<String> types;

    PostgresBatchStatement(BatchedDml dml, List<String> keys, List<String> types) {
        this.dml = dml;
        this.keys = List.copyOf(keys);
        this.types = List.copyOf(types);
    }

    @Override
    public String table() {
        return dml.table.toString();
    }

    @Override
    public int keyWidth() {
        return keys.size();
    }

    private String from() {
        return (dml.only ? "ONLY " : "") + String.join("", dml.tableTokens);
    }

    private String keyList() {
        return String.join(", ", keys);
    }

    private String qualifiedKeys() {
        String q = dml.qualifier();
        return String.join(", ", keys.stream().map(k -> q + "." + k).toList());
    }

    private String descending() {
        return String.join(", ", keys.stream().map(k -> k + " DESC").toList());
    }

    private String literal(List<String> key) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            values.add("'" + key.get(i).replace("'", "''") + "'::" + types.get(i));
        }
        return String.join(", ", values);
    }

    private String condition() {
        return dml.where.isEmpty() ? "true" : BatchedDml.sql(dml.where);
    }

    /** The table with its alias and the statement's other tables, for queries that evaluate its WHERE. */
    private String matchingFrom() {
        return from() + (dml.alias == null ? "" : " AS " + dml.alias)
                + (dml.from.isEmpty() ? "" : ", " + BatchedDml.sql(dml.from));
    }

    @Override
    public String lastKeyQuery() {
        // ordered by the qualified columns: a bare name would sort by the text output column
        return "SELECT " + String.join(", ", keys.stream().map(k -> "stepwise_last." + k + "::text").toList())
                + " FROM " + from() + " AS stepwise_last ORDER BY "
                + String.join(", ", keys.stream().map(k -> "stepwise_last." + k + " DESC").toList()) + " LIMIT 1";
    }

    @Override
    public String estimatedRowsQuery() {
        // reltuples is -1 (or 0 before PostgreSQL 14) for a table never analysed
        return "SELECT coalesce((SELECT reltuples::bigint FROM pg_catalog.pg_class WHERE oid = to_regclass("
                + "'" + from().replace("ONLY ", "").replace("'", "''") + "')), -1)";
    }

    @Override
    public String remainingQuery() {
        return "SELECT count(*) FROM " + matchingFrom() + " WHERE " + condition();
    }

    @Override
    public String batch(List<String> after, List<String> upTo, int size, boolean matchingOnly) {
        String keysCte;
        if (matchingOnly) {
            keysCte = "SELECT " + qualifiedKeys() + " FROM " + matchingFrom() + " WHERE (" + condition() + ")"
                    + (after == null ? "" : " AND (" + qualifiedKeys() + ") > (" + literal(after) + ")")
                    + (upTo == null ? "" : " AND (" + qualifiedKeys() + ") <= (" + literal(upTo) + ")")
                    + " ORDER BY " + qualifiedKeys() + " LIMIT " + size;
        } else {
            List<String> range = new ArrayList<>();
            if (after != null) {
                range.add("(" + keyList() + ") > (" + literal(after) + ")");
            }
            if (upTo != null) {
                range.add("(" + keyList() + ") <= (" + literal(upTo) + ")");
            }
            keysCte = "SELECT " + keyList() + " FROM " + from()
                    + (range.isEmpty() ? "" : " WHERE " + String.join(" AND ", range))
                    + " ORDER BY " + keyList() + " LIMIT " + size;
        }
        String window = (after == null ? "" : " AND (" + qualifiedKeys() + ") > (" + literal(after) + ")")
                + " AND (" + qualifiedKeys() + ") <= (SELECT " + keyList() + " FROM stepwise_bound)";
        String change = dml.verb == BatchedDml.Verb.UPDATE
                ? "UPDATE " + dml.target() + " SET " + BatchedDml.sql(dml.set)
                + (dml.from.isEmpty() ? "" : " FROM " + BatchedDml.sql(dml.from))
                + " WHERE (" + condition() + ")" + window + " RETURNING 1"
                : "DELETE FROM " + dml.target() + (dml.from.isEmpty() ? "" : " USING " + BatchedDml.sql(dml.from))
                + " WHERE (" + condition() + ")" + window + " RETURNING 1";
        StringBuilder select = new StringBuilder("SELECT ");
        for (String k : keys) {
            select.append("(SELECT ").append(k).append("::text FROM stepwise_bound), ");
        }
        select.append("(SELECT count(*) FROM stepwise_keys), (SELECT count(*) FROM stepwise_done)");
        return "WITH stepwise_keys AS (" + keysCte + "),\n"
                + "stepwise_bound AS (SELECT " + keyList() + " FROM stepwise_keys ORDER BY " + descending()
                + " LIMIT 1),\n"
                + "stepwise_done AS (" + change + ")\n"
                + select;
    }
}
