package dev.stepwise.postgres.lint;

import dev.stepwise.lint.SchemaFacts;
import dev.stepwise.lint.TableFacts;
import dev.stepwise.lint.TableSize;
import dev.stepwise.postgres.statement.QualifiedName;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a database's catalog says about everything one migration names, read in one round trip
 * (a set-based query over the named tables, never one per table): columns with types and enum
 * labels, constraints with their definitions and validity, indexes with their columns, the
 * tables' sizes, the volatility of the functions its defaults call, the labels of the enum types
 * it converts columns to.
 *
 * <p>On a connection in autocommit (the work session {@code upgrade} lints on between migrations,
 * the target connections of {@code lint} and {@code status}) the query is prepared in SQL once per
 * session and run with its generic plan, so it is neither parsed nor planned again for each
 * migration: pgjdbc drops its own server-side statements whenever a {@code CREATE}, {@code ALTER}
 * or {@code DROP} completes, which is every migration, and the server spent 1.8 ms on each read,
 * 1.6 ms of it parsing and planning, against 0.25 ms now (1,000 migrations that each alter an
 * earlier table; bench/README.md, lint). The generic plan and its shape are asked for with
 * transaction-local settings sent with the {@code EXECUTE}, in the same implicit transaction, so
 * the session's own settings are untouched. A session that lost the statement (a migration's
 * {@code DEALLOCATE ALL} or {@code DISCARD ALL}) prepares it again; one that loses it again at once
 * (a pooler handing out another server session) gets the query whole from then on, as does a
 * connection inside a transaction (the replay's), where a failing {@code EXECUTE} would abort the
 * caller's transaction. The rows are the same either way.
 */
final class CatalogFacts implements SchemaFacts {

    private static final String QUERY = """
            WITH wanted AS (SELECT DISTINCT unnest(?::text[]) AS asked),
            rel AS (
                SELECT w.asked, c.oid, n.nspname, c.relname, c.reltuples::bigint AS tuples,
                       CASE WHEN ? THEN pg_catalog.pg_relation_size(c.oid) ELSE -1 END AS bytes
                FROM wanted w
                JOIN pg_catalog.pg_class c ON c.oid = pg_catalog.to_regclass(w.asked)
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            )
            SELECT 'r', asked, nspname, relname, tuples::text, bytes::text, NULL::text[] FROM rel
            UNION ALL
            SELECT 'a', r.asked, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull::text,
                   a.atthasdef::text,
                   (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e
                    WHERE e.enumtypid = a.atttypid)
            FROM rel r JOIN pg_catalog.pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
            UNION ALL
            SELECT 'k', r.asked, k.conname, k.contype::text, pg_catalog.pg_get_constraintdef(k.oid),
                   k.convalidated::text,
                   (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid = k.conrelid AND a.attnum = ANY (k.conkey))
            FROM rel r JOIN pg_catalog.pg_constraint k ON k.conrelid = r.oid
            UNION ALL
            SELECT 'i', r.asked, ic.relname, NULL, NULL, NULL,
                   (SELECT array_agg(a.attname::text ORDER BY x.ord)
                    FROM unnest(i.indkey) WITH ORDINALITY AS x(attnum, ord)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = x.attnum)
            FROM rel r JOIN pg_catalog.pg_index i ON i.indrelid = r.oid
            JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
            UNION ALL
            SELECT 'f', p.proname, NULL, NULL, p.provolatile::text, NULL, NULL
            FROM pg_catalog.pg_proc p WHERE p.proname = ANY (?::text[])
            UNION ALL
            SELECT 'e', t.asked, NULL, NULL, NULL, NULL,
                   (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_catalog.pg_enum e
                    WHERE e.enumtypid = pg_catalog.to_regtype(t.asked))
            FROM unnest(?::text[]) AS t(asked)
            """;

    /** Named after the query's text, so a session never runs another version's statement under this name. */
    private static final String PREPARED_NAME = "stepwise_catalog_facts_" + shortHash(QUERY);
    private static final String PREPARE = "PREPARE " + PREPARED_NAME + " (text[], boolean, text[], text[]) AS\n"
            + numberedParameters(QUERY);
    /**
     * Transaction-local settings for the {@code EXECUTE}: its generic plan, made as the custom
     * plans for a handful of tables are, nested loops over the catalogs' indexes. Left to itself
     * the planner assumes ten names where there are one or two and hashes or scans whole catalogs
     * (pg_constraint), and a plan made while the catalog was small would keep scanning it whole
     * as it grows: 0.6 ms a call and rising instead of 0.2 ms.
     */
    private static final String GENERIC_PLAN = "SELECT pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', true),"
            + " pg_catalog.set_config('enable_hashjoin', 'off', true), pg_catalog.set_config('enable_mergejoin', 'off', true),"
            + " pg_catalog.set_config('enable_bitmapscan', 'off', true), pg_catalog.set_config('enable_seqscan', 'off', true)";
    /** {@code invalid_sql_statement_name}: the session no longer holds the prepared statement. */
    private static final String NO_SUCH_STATEMENT = "26000";
    /** The connections known to hold {@link #PREPARED_NAME}. */
    private static final Set<Connection> PREPARED =
            java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));
    /** The connections whose sessions lost the statement again right after preparing it. */
    private static final Set<Connection> UNPREPARED =
            java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>()));

    private final Source source;
    private final int serverMajorVersion;
    private final Map<String, TableFacts> tables;
    private final Map<String, Character> functions;
    private final Map<String, List<String>> enums;

    private CatalogFacts(Source source, int serverMajorVersion, Map<String, TableFacts> tables,
                         Map<String, Character> functions, Map<String, List<String>> enums) {
        this.source = source;
        this.serverMajorVersion = serverMajorVersion;
        this.tables = tables;
        this.functions = functions;
        this.enums = enums;
    }

    /**
     * @param version the connection's server major version
     * @param names   what the migration names
     */
    static CatalogFacts read(Connection c, int version, NamedObjects names, boolean withSizes) throws SQLException {
        Source source = withSizes ? Source.TARGET : Source.REPLAY;
        if (names.needsNoCatalog()) {
            return new CatalogFacts(source, version, Map.of(), Map.of(), Map.of());
        }
        Map<String, String[]> relations = new LinkedHashMap<>();
        Map<String, Map<String, TableFacts.ColumnFacts>> columns = new HashMap<>();
        Map<String, List<TableFacts.ConstraintFacts>> constraints = new HashMap<>();
        Map<String, Map<String, List<String>>> indexes = new HashMap<>();
        Map<String, Character> functions = new HashMap<>();
        Map<String, List<String>> enums = new HashMap<>();
        Rows rows = rs -> {
            while (rs.next()) {
                String kind = rs.getString(1);
                String asked = rs.getString(2);
                List<String> list = strings(rs.getArray(7));
                switch (kind) {
                    case "r" -> relations.put(asked, new String[] {rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6)});
                    case "a" -> columns.computeIfAbsent(asked, k -> new LinkedHashMap<>()).put(rs.getString(3),
                            new TableFacts.ColumnFacts(rs.getString(3), rs.getString(4),
                                    Boolean.parseBoolean(rs.getString(5)), Boolean.parseBoolean(rs.getString(6)), list));
                    case "k" -> constraints.computeIfAbsent(asked, k -> new ArrayList<>()).add(
                            new TableFacts.ConstraintFacts(rs.getString(3), rs.getString(4).charAt(0),
                                    rs.getString(5), Boolean.parseBoolean(rs.getString(6)), list));
                    case "i" -> indexes.computeIfAbsent(asked, k -> new LinkedHashMap<>()).put(rs.getString(3), list);
                    case "f" -> functions.merge(asked, rs.getString(5).charAt(0), (a, b) -> a == 'v' ? a : b);
                    default -> {
                        if (!list.isEmpty()) {
                            enums.put(asked.toLowerCase(Locale.ROOT), list);
                        }
                    }
                }
            }
        };
        // pg_relation_size opens the relation: on the target, under the session's lock_timeout
        if (!(version >= 12 && c.getAutoCommit() && names.literalsAllowed() && readPrepared(c, names, withSizes, rows))) {
            try (PreparedStatement s = c.prepareStatement(QUERY)) {
                s.setArray(1, c.createArrayOf("text", names.catalogTables().toArray()));
                s.setBoolean(2, withSizes);
                s.setArray(3, c.createArrayOf("text", names.functions().toArray()));
                s.setArray(4, c.createArrayOf("text", names.types().toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    rows.read(rs);
                }
            }
        }
        Map<String, TableFacts> tables = new HashMap<>();
        relations.forEach((asked, r) -> {
            TableSize size = withSizes ? TableSize.judge(Long.parseLong(r[3]), Long.parseLong(r[2])) : TableSize.UNKNOWN;
            tables.put(asked, new TableFacts(r[0], r[1], columns.getOrDefault(asked, Map.of()),
                    constraints.getOrDefault(asked, List.of()), indexes.getOrDefault(asked, Map.of()), size));
        });
        return new CatalogFacts(source, version, tables, functions, enums);
    }

    /** Reads the query's rows. */
    private interface Rows {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * The query through the session's prepared statement, with its generic plan: the
     * transaction-local {@code plan_cache_mode} and the {@code EXECUTE} go in one round trip and
     * one implicit transaction (the connection is in autocommit), so the setting ends with it.
     * {@code EXECUTE} takes no bind parameters, so the values are literals.
     */
    private static boolean readPrepared(Connection c, NamedObjects names, boolean withSizes, Rows rows) throws SQLException {
        if (UNPREPARED.contains(c)) {
            return false;
        }
        String execute = GENERIC_PLAN + ";\nEXECUTE " + PREPARED_NAME + "(" + textArray(names.catalogTables()) + ", " + withSizes + ", "
                + textArray(names.functions()) + ", " + textArray(names.types()) + ")";
        if (!PREPARED.contains(c)) {
            prepare(c);
        }
        try (Statement s = c.createStatement()) {
            try {
                s.execute(execute);
            } catch (SQLException e) {
                if (!NO_SUCH_STATEMENT.equals(e.getSQLState())) {
                    throw e;
                }
                // deallocated since (DEALLOCATE ALL, DISCARD ALL): the failed statement changed nothing
                PREPARED.remove(c);
                prepare(c);
                try {
                    s.execute(execute);
                } catch (SQLException again) {
                    if (!NO_SUCH_STATEMENT.equals(again.getSQLState())) {
                        throw again;
                    }
                    // the session does not keep what is prepared on it (a pooler that hands each
                    // transaction another server session): the query is sent whole from now on
                    PREPARED.remove(c);
                    UNPREPARED.add(c);
                    return false;
                }
            }
            if (!s.getMoreResults()) {
                throw new SQLException("EXECUTE " + PREPARED_NAME + " returned no rows");
            }
            try (ResultSet rs = s.getResultSet()) {
                rows.read(rs);
            }
        }
        return true;
    }

    /** Prepares the query on the session unless it holds it already (a pooled session Stepwise used before). */
    private static void prepare(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            boolean exists;
            try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_prepared_statements"
                    + " WHERE name = '" + PREPARED_NAME + "')")) {
                rs.next();
                exists = rs.getBoolean(1);
            }
            if (!exists) {
                s.execute(PREPARE);
            }
        }
        PREPARED.add(c);
    }

    /** {@code ARRAY[E'...', ...]::text[]}: an escape-string literal reads the same whatever standard_conforming_strings says. */
    static String textArray(Set<String> values) {
        StringBuilder b = new StringBuilder("ARRAY[");
        String separator = "";
        for (String v : values) {
            b.append(separator).append(dev.stepwise.postgres.statement.PostgresIdentifiers.literal(v));
            separator = ", ";
        }
        return b.append("]::text[]").toString();
    }

    /** The query with {@code $1..$n} for its {@code ?} placeholders (it has no {@code ?} in literals). */
    static String numberedParameters(String query) {
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (int i = 0; i < query.length(); i++) {
            char ch = query.charAt(i);
            if (ch == '?') {
                b.append('$').append(++n);
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    @Override
    public Source source() {
        return source;
    }

    @Override
    public int serverMajorVersion() {
        return serverMajorVersion;
    }

    @Override
    public Optional<TableFacts> table(String schema, String name) {
        return Optional.ofNullable(tables.get(new QualifiedName(schema, name).sql()));
    }

    @Override
    public boolean knowsTables() {
        return true;
    }

    @Override
    public Optional<Character> functionVolatility(String schema, String name) {
        return Optional.ofNullable(functions.get(name));
    }

    @Override
    public List<String> enumLabels(String schema, String name) {
        return enums.getOrDefault((schema == null ? name : schema + "." + name).toLowerCase(Locale.ROOT), List.of());
    }
}
