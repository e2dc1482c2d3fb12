package dev.stepwise.postgres.batch;

import dev.stepwise.dialect.BatchStatement;
import dev.stepwise.postgres.statement.PostgresIdentifiers;

import java.util.ArrayList;
import java.util.List;

/**
 * One batched statement's SQL on PostgreSQL. A batch is two statements: where it ends (the key
 * {@code size} keys on, read by an index-only walk of the primary key from where the last batch
 * ended, never an OFFSET from the start), then the user's statement with that key range added to
 * its {@code WHERE}, so its own filter stays inside every batch and its update count is the rows
 * it changed.
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
            values.add(PostgresIdentifiers.literal(key.get(i)) + "::" + types.get(i));
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
        // the table as written, without ONLY (which a quoted name may hold too, "ONLY me")
        return "SELECT coalesce((SELECT reltuples::bigint FROM pg_catalog.pg_class WHERE oid = to_regclass("
                + PostgresIdentifiers.literal(String.join("", dml.tableTokens)) + ")), -1)";
    }

    @Override
    public String remainingQuery() {
        return "SELECT count(*) FROM " + matchingFrom() + " WHERE " + condition();
    }

    @Override
    public String batchEndQuery(List<String> after, List<String> upTo, int size, boolean matchingOnly) {
        // every key qualified: a bare name in ORDER BY would sort by the text output column
        String q = matchingOnly ? dml.qualifier() : "stepwise_walk";
        String keys = String.join(", ", this.keys.stream().map(k -> q + "." + k).toList());
        List<String> where = new ArrayList<>();
        if (matchingOnly) {
            where.add("(" + condition() + ")");
        }
        if (after != null) {
            where.add("(" + keys + ") > (" + literal(after) + ")");
        }
        if (upTo != null) {
            where.add("(" + keys + ") <= (" + literal(upTo) + ")");
        }
        return "SELECT " + String.join(", ", this.keys.stream().map(k -> q + "." + k + "::text").toList())
                + " FROM " + (matchingOnly ? matchingFrom() : from() + " AS stepwise_walk")
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY " + keys + " OFFSET " + (size - 1) + " LIMIT 1";
    }

    @Override
    public String flagStatement(String flag) {
        return flagSql(flag);
    }

    /** {@code set_config} with {@code is_local}: the setting ends with the batch's transaction. */
    static String flagSql(String flag) {
        return "SELECT pg_catalog.set_config(" + PostgresIdentifiers.literal(flag) + ", 'on', true)";
    }

    @Override
    public String batch(List<String> after, List<String> end) {
        String window = (after == null ? "" : " AND (" + qualifiedKeys() + ") > (" + literal(after) + ")")
                + (end == null ? "" : " AND (" + qualifiedKeys() + ") <= (" + literal(end) + ")");
        return dml.verb == BatchedDml.Verb.UPDATE
                ? "UPDATE " + dml.target() + " SET " + BatchedDml.sql(dml.set)
                + (dml.from.isEmpty() ? "" : " FROM " + BatchedDml.sql(dml.from))
                + " WHERE (" + condition() + ")" + window
                : "DELETE FROM " + dml.target() + (dml.from.isEmpty() ? "" : " USING " + BatchedDml.sql(dml.from))
                + " WHERE (" + condition() + ")" + window;
    }

}
