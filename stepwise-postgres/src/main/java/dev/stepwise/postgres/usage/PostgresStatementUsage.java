package dev.stepwise.postgres.usage;

import dev.stepwise.dialect.StatementUsage;
import dev.stepwise.dialect.TableNames;
import dev.stepwise.postgres.parse.ParsedStatement;
import dev.stepwise.postgres.parse.StatementParser;
import dev.stepwise.postgres.statement.PostgresIdentifiers;
import dev.stepwise.postgres.statement.QualifiedName;
import dev.stepwise.sql.ScriptItem;
import dev.stepwise.sql.SqlStatement;
import dev.stepwise.sql.StatementSplitter;
import dev.stepwise.usage.RemovedName;
import dev.stepwise.usage.UsageSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code pg_stat_statements} as the contract gate reads it: the counters of the current database
 * (summed over roles and nesting), {@code pg_stat_statements_info}'s reset time and evictions
 * where the extension has it (1.9, PostgreSQL 14+), and baselines kept in a table next to the
 * version table ({@code <version table>_usage}), made on first use.
 */
public final class PostgresStatementUsage implements StatementUsage {

    /** The statements application code sends; DDL (Stepwise's own included) never counts as a use. */
    private static final Set<String> APPLICATION_VERBS = Set.of("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE",
            "WITH", "VALUES", "TABLE", "COPY");

    @Override
    public List<RemovedName> removedBy(Iterable<SqlStatement> statements) {
        List<RemovedName> names = new ArrayList<>();
        for (SqlStatement s : statements) {
            ParsedStatement parsed = StatementParser.parse(s.tokens());
            if (parsed instanceof ParsedStatement.DropTable drop) {
                drop.tables().forEach(t -> names.add(RemovedName.relation(t.name())));
            } else if (parsed instanceof ParsedStatement.DropView drop) {
                drop.views().forEach(v -> names.add(RemovedName.relation(v.name())));
            } else if (parsed instanceof ParsedStatement.AlterTable alter) {
                String table = alter.table().name();
                for (ParsedStatement.AlterAction a : alter.actions()) {
                    if (a instanceof ParsedStatement.DropColumn d) {
                        names.add(RemovedName.column(table, d.column()));
                    } else if (a instanceof ParsedStatement.RenameColumn r) {
                        names.add(RemovedName.column(table, r.from()));
                    } else if (a instanceof ParsedStatement.RenameTable) {
                        names.add(RemovedName.relation(table));
                    }
                }
            }
        }
        return names.stream().distinct().toList();
    }

    @Override
    public boolean uses(Connection c, long queryid, String query, RemovedName name) {
        return names(query, name) && QueryIdProbe.sameStatement(c, queryid, query);
    }

    /** Whether the text is an application statement naming the table (and column). */
    static boolean names(String query, RemovedName name) {
        List<ScriptItem.Statement> statements;
        try {
            statements = StatementSplitter.statements(query);
        } catch (RuntimeException e) {
            // a text pg_stat_statements cut short does not lex: count it, to be safe
            return query.toLowerCase(Locale.ROOT).contains(name.table())
                    && (name.column() == null || query.toLowerCase(Locale.ROOT).contains(name.column()));
        }
        for (ScriptItem.Statement statement : statements) {
            List<String> tokens = statement.tokens();
            if (tokens.isEmpty() || !APPLICATION_VERBS.contains(tokens.get(0).toUpperCase(Locale.ROOT))) {
                continue;
            }
            Set<String> identifiers = new HashSet<>();
            for (String t : tokens) {
                if (!t.isEmpty() && (Character.isLetter(t.charAt(0)) || t.charAt(0) == '_' || t.charAt(0) == '"')) {
                    identifiers.add(QualifiedName.identifier(t));
                }
            }
            if (identifiers.contains(name.table()) && (name.column() == null || identifiers.contains(name.column()))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Optional<UsageSnapshot> read(Connection c) throws SQLException {
        String schema = extensionSchema(c);
        if (schema == null) {
            return Optional.empty();
        }
        String view = PostgresIdentifiers.quote(schema) + ".pg_stat_statements";
        Map<Long, UsageSnapshot.Counter> counters = new HashMap<>();
        boolean complete = true;
        Instant takenAt;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT s.queryid, sum(s.calls)::bigint, min(s.query), clock_timestamp()"
                     + " FROM " + view + " s WHERE s.dbid = (SELECT oid FROM pg_catalog.pg_database"
                     + " WHERE datname = pg_catalog.current_database()) GROUP BY s.queryid"
                     + " UNION ALL SELECT NULL, NULL, NULL, clock_timestamp()")) {
            takenAt = null;
            while (rs.next()) {
                takenAt = rs.getTimestamp(4).toInstant();
                long queryid = rs.getLong(1);
                if (rs.wasNull()) {
                    // the sentinel row, or statements of other roles this role may not see
                    complete &= rs.getString(3) == null;
                    continue;
                }
                String query = rs.getString(3);
                if (isApplicationStatement(query)) {
                    counters.put(queryid, new UsageSnapshot.Counter(rs.getLong(2), query));
                }
            }
        } catch (SQLException e) {
            // the extension exists but is not loaded (shared_preload_libraries): no counters here
            if ("55000".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw e;
        }
        Instant statsReset = null;
        long evictions = -1;
        if (exists(c, schema, "pg_stat_statements_info")) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT dealloc, stats_reset FROM "
                    + PostgresIdentifiers.quote(schema) + ".pg_stat_statements_info")) {
                if (rs.next()) {
                    evictions = rs.getLong(1);
                    Timestamp reset = rs.getTimestamp(2);
                    statsReset = reset == null ? null : reset.toInstant();
                }
            }
        }
        return Optional.of(new UsageSnapshot(takenAt, statsReset, evictions, complete, counters));
    }

    private boolean isApplicationStatement(String query) {
        String head = query.stripLeading();
        int end = 0;
        while (end < head.length() && Character.isLetter(head.charAt(end))) {
            end++;
        }
        return APPLICATION_VERBS.contains(head.substring(0, end).toUpperCase(Locale.ROOT))
                || head.startsWith("(") || head.startsWith("/*") || head.startsWith("--");
    }

    @Override
    public void save(Connection c, TableNames tables, String key, UsageSnapshot snapshot) throws SQLException {
        String table = table(tables);
        boolean auto = c.getAutoCommit();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (\n"
                    + "    baseline text NOT NULL,\n"
                    + "    queryid bigint,\n"
                    + "    calls bigint,\n"
                    + "    query text,\n"
                    + "    taken_at timestamptz NOT NULL,\n"
                    + "    stats_reset timestamptz,\n"
                    + "    evictions bigint NOT NULL,\n"
                    + "    complete boolean NOT NULL\n"
                    + ")");
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE baseline = ?")) {
                delete.setString(1, key);
                delete.executeUpdate();
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table
                    + " (baseline, queryid, calls, query, taken_at, stats_reset, evictions, complete)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                // one row for the snapshot itself, so an empty one is still a baseline
                add(insert, key, null, null, snapshot);
                for (Map.Entry<Long, UsageSnapshot.Counter> e : snapshot.statements().entrySet()) {
                    add(insert, key, e.getKey(), e.getValue(), snapshot);
                }
                insert.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static void add(PreparedStatement insert, String key, Long queryid, UsageSnapshot.Counter counter,
                            UsageSnapshot snapshot) throws SQLException {
        insert.setString(1, key);
        insert.setObject(2, queryid, java.sql.Types.BIGINT);
        insert.setObject(3, counter == null ? null : counter.calls(), java.sql.Types.BIGINT);
        insert.setString(4, counter == null ? null : counter.query());
        insert.setTimestamp(5, Timestamp.from(snapshot.takenAt()));
        insert.setTimestamp(6, snapshot.statsReset() == null ? null : Timestamp.from(snapshot.statsReset()));
        insert.setLong(7, snapshot.evictions());
        insert.setBoolean(8, snapshot.complete());
        insert.addBatch();
    }

    @Override
    public Optional<UsageSnapshot> load(Connection c, TableNames tables, String key) throws SQLException {
        if (!exists(c, tables.schema(), tableName(tables))) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT queryid, calls, query, taken_at, stats_reset,"
                + " evictions, complete FROM " + table(tables) + " WHERE baseline = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                Map<Long, UsageSnapshot.Counter> counters = new HashMap<>();
                UsageSnapshot head = null;
                while (rs.next()) {
                    long queryid = rs.getLong(1);
                    if (rs.wasNull()) {
                        Timestamp reset = rs.getTimestamp(5);
                        head = new UsageSnapshot(rs.getTimestamp(4).toInstant(),
                                reset == null ? null : reset.toInstant(), rs.getLong(6), rs.getBoolean(7), Map.of());
                    } else {
                        counters.put(queryid, new UsageSnapshot.Counter(rs.getLong(2), rs.getString(3)));
                    }
                }
                if (head == null) {
                    return Optional.empty();
                }
                return Optional.of(new UsageSnapshot(head.takenAt(), head.statsReset(), head.evictions(),
                        head.complete(), counters));
            }
        }
    }

    private static String table(TableNames tables) {
        return PostgresIdentifiers.quote(tables.schema()) + "." + PostgresIdentifiers.quote(tableName(tables));
    }

    /**
     * {@code <version table>_usage}, a derived name: shortened with a hash past 63 bytes, or
     * PostgreSQL would cut a long version table's name back to the version table itself.
     */
    static String tableName(TableNames tables) {
        return PostgresIdentifiers.derivedName(tables.version(), "usage");
    }

    /** The schema the extension is installed in, or null when this database does not have it. */
    private static String extensionSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT n.nspname"
                + " FROM pg_catalog.pg_extension e JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace"
                + " WHERE e.extname = 'pg_stat_statements'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static boolean exists(Connection c, String schema, String relation) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_class r JOIN pg_catalog.pg_namespace"
                + " n ON n.oid = r.relnamespace WHERE n.nspname = ? AND r.relname = ?")) {
            s.setString(1, schema);
            s.setString(2, relation);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
