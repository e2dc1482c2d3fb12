package dev.stepwise.postgres.batch;

import dev.stepwise.dialect.BatchPlanner;
import dev.stepwise.dialect.BatchRefusedException;
import dev.stepwise.dialect.BatchStatement;
import dev.stepwise.postgres.statement.StatementTokens;
import dev.stepwise.sql.SqlStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Keyset batches on PostgreSQL: along the table's primary key, composite keys compared as rows. */
public final class PostgresBatchPlanner implements BatchPlanner {

    private static final String PRIMARY_KEY = "SELECT quote_ident(a.attname), format_type(a.atttypid, a.atttypmod)"
            + " FROM pg_catalog.pg_index i CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS x(attnum, ord)"
            + " JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = x.attnum"
            + " WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY x.ord";

    @Override
    public void check(SqlStatement statement) {
        BatchedDml.parse(new StatementTokens(statement.tokens())).requireIdempotent();
    }

    @Override
    public BatchStatement prepare(Connection connection, SqlStatement statement) throws SQLException {
        BatchedDml dml = BatchedDml.parse(new StatementTokens(statement.tokens()));
        dml.requireIdempotent();
        String table = String.join("", dml.tableTokens);
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table);
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return null;
                }
            }
        }
        List<String> keys = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(PRIMARY_KEY)) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                    types.add(rs.getString(2));
                }
            }
        }
        if (keys.isEmpty()) {
            throw new BatchRefusedException("table " + dml.table + " has no primary key: batches walk a table along"
                    + " its primary key; add one (CREATE UNIQUE INDEX CONCURRENTLY, then ADD PRIMARY KEY USING INDEX)");
        }
        return new PostgresBatchStatement(dml, keys, types);
    }

    @Override
    public String offlineScript(SqlStatement statement, int batchSize) {
        BatchedDml dml = BatchedDml.parse(new StatementTokens(statement.tokens()));
        dml.requireIdempotent();
        return OfflineBatchScript.render(dml, batchSize, statement.directive("batch").options().get("flag"));
    }
}
