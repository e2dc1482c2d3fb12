package dev.stepwise.postgres.usage;

import dev.stepwise.sql.SqlStatement;
import dev.stepwise.sql.StatementSplitter;
import dev.stepwise.sql.StatementTraits;
import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import dev.stepwise.usage.RemovedName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which names a contract removes, and which counted statements use them. */
class PostgresStatementUsageTest {

    private final PostgresStatementUsage usage = new PostgresStatementUsage();

    private static List<SqlStatement> statements(String sql) {
        return StatementSplitter.statements(sql).stream()
                .map(s -> new SqlStatement(s.sql(), 1, 1, s.tokens(), List.of(), StatementTraits.of(null, null)))
                .toList();
    }

    @Test
    void removedNames_areDroppedAndRenamedTablesViewsAndColumns_foldedAsPostgresReadsThem() {
        List<RemovedName> names = usage.removedBy(statements("""
                ALTER TABLE public.Orders DROP COLUMN "Total", DROP COLUMN IF EXISTS note;
                ALTER TABLE items RENAME COLUMN sku TO code;
                ALTER TABLE carts RENAME TO baskets;
                DROP VIEW IF EXISTS old_orders, other;
                DROP MATERIALIZED VIEW totals;
                DROP TABLE audit_log;
                CREATE INDEX CONCURRENTLY ix ON items (code);
                """));

        assertThat(names).extracting(RemovedName::toString).containsExactly("orders.Total", "orders.note",
                "items.sku", "carts", "old_orders", "other", "totals", "audit_log");
    }

    @Test
    void theBaselineTable_isTheVersionTablesName_shortenedWhenPostgresWouldCutItBackToTheVersionTable() {
        String longest = "v".repeat(63);

        assertThat(PostgresStatementUsage.tableName(dev.stepwise.dialect.TableNames.DEFAULT))
                .isEqualTo("stepwise_version_usage");
        assertThat(PostgresStatementUsage.tableName(new dev.stepwise.dialect.TableNames("public", longest, "h")))
                .hasSizeLessThanOrEqualTo(63).doesNotStartWith(longest);
    }

    @Test
    void aStatementUsesAColumn_whenItNamesTheTableAndTheColumn_andIsApplicationCode() {
        RemovedName column = RemovedName.column("orders", "total_dollars");

        assertThat(PostgresStatementUsage.names("SELECT id, total_dollars FROM orders WHERE id = $1", column)).isTrue();
        assertThat(PostgresStatementUsage.names("select o.\"total_dollars\" from public.ORDERS o", column)).isTrue();
        assertThat(PostgresStatementUsage.names("SELECT id FROM orders WHERE id = $1", column)).isFalse();
        assertThat(PostgresStatementUsage.names("SELECT total_dollars FROM invoices", column)).isFalse();
        assertThat(PostgresStatementUsage.names("SELECT \"Total_Dollars\" FROM orders", column)).isFalse();
        // DDL, Stepwise's own included, is not a use
        assertThat(PostgresStatementUsage.names("ALTER TABLE orders DROP COLUMN total_dollars", column)).isFalse();
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(strings = {"17"})
    void anEntryWhoseTextNowNamesAnotherRelation_isNotAUse(String version) throws SQLException {
        TestDatabase db = TestPostgres.server(version).newDatabase();
        db.execute("CREATE EXTENSION pg_stat_statements");
        db.execute("CREATE TABLE orders (id bigint PRIMARY KEY, total_dollars numeric)");
        try (Connection c = db.connect()) {
            try (PreparedStatement s = c.prepareStatement("SELECT total_dollars FROM orders WHERE id = ?")) {
                s.setLong(1, 1);
                s.executeQuery().close();
            }
            long before = Long.parseLong(db.value("SELECT queryid::text FROM pg_stat_statements WHERE dbid ="
                    + " (SELECT oid FROM pg_database WHERE datname = current_database())"
                    + " AND query LIKE 'SELECT total_dollars FROM orders%'"));
            String text = "SELECT total_dollars FROM orders WHERE id = $1";
            RemovedName view = RemovedName.relation("orders");

            assertThat(usage.uses(c, before, text, view)).as("the table, before the rename").isTrue();

            db.execute("ALTER TABLE orders RENAME TO purchases");
            db.execute("CREATE VIEW orders AS SELECT * FROM purchases");

            // from 14 the entry is the renamed table's now; 13 cannot tell, and counts it
            assertThat(usage.uses(c, before, text, view)).isEqualTo(version.equals("13"));
            assertThat(c.getAutoCommit()).isTrue();
        }
    }
}
