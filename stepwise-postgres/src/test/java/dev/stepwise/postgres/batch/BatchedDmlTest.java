package dev.stepwise.postgres.batch;

import dev.stepwise.dialect.BatchRefusedException;
import dev.stepwise.postgres.statement.StatementTokens;
import dev.stepwise.sql.StatementSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchedDmlTest {

    private static BatchedDml parse(String sql) {
        return BatchedDml.parse(new StatementTokens(StatementSplitter.statements(sql).get(0).tokens()));
    }

    @Test
    void update_isTakenApart_intoTableAliasSetFromAndWhere() {
        BatchedDml dml = parse("UPDATE ONLY app.orders AS o SET total_cents = o.total_dollars * 100, note = f(x)"
                + " FROM rates r WHERE o.rate_id = r.id AND o.total_cents IS NULL");

        assertThat(dml.verb).isEqualTo(BatchedDml.Verb.UPDATE);
        assertThat(dml.only).isTrue();
        assertThat(dml.table.toString()).isEqualTo("app.orders");
        assertThat(dml.alias).isEqualTo("o");
        assertThat(dml.assignments()).containsOnlyKeys("total_cents", "note");
        assertThat(BatchedDml.sql(dml.from)).isEqualTo("rates r");
        assertThat(BatchedDml.sql(dml.where)).isEqualTo("o . rate_id = r . id AND o . total_cents IS NULL");
    }

    @Test
    void delete_withUsing_isTakenApart() {
        BatchedDml dml = parse("DELETE FROM events e USING accounts a WHERE e.account_id = a.id AND a.closed");

        assertThat(dml.verb).isEqualTo(BatchedDml.Verb.DELETE);
        assertThat(dml.alias).isEqualTo("e");
        assertThat(BatchedDml.sql(dml.from)).isEqualTo("accounts a");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE orders SET status = 'pending' WHERE status IS NULL",
            "UPDATE orders SET total_cents = total_dollars * 100 WHERE total_cents IS NULL",
            "UPDATE orders o SET n = o.n + 1, migrated = true WHERE NOT o.migrated",
            "UPDATE users SET email_lower = lower(email) WHERE email_lower IS DISTINCT FROM lower(email)",
            "UPDATE t SET (a, b) = (1, 2) WHERE a IS NULL",
            // a quoted name may hold a single quote: it is still the column, not a literal
            "UPDATE t SET \"it's\" = md5(random()::text) WHERE \"it's\" IS NULL",
            "UPDATE t SET \"'\" = 1 WHERE t.\"'\" IS NULL",
            "DELETE FROM events",
            "DELETE FROM events WHERE created < now() - interval '90 days'"})
    void statementsThatChangeARowOnlyOnce_areAccepted(String sql) {
        assertThatCode(() -> parse(sql).requireIdempotent()).doesNotThrowAnyException();
    }

    @Test
    void updateWithoutWhere_isRefused() {
        assertThatThrownBy(() -> parse("UPDATE orders SET status = 'pending'").requireIdempotent())
                .isInstanceOf(BatchRefusedException.class).hasMessageContaining("needs a WHERE");
    }

    @Test
    void updateWhoseWhereMentionsNoColumnItSets_isRefused() {
        assertThatThrownBy(() -> parse("UPDATE orders SET status = 'x' WHERE created_at < now()").requireIdempotent())
                .isInstanceOf(BatchRefusedException.class).hasMessageContaining("mentions none of the columns it sets");
    }

    @Test
    void updateThatSetsItsFilterColumnFromItself_isRefused() {
        assertThatThrownBy(() -> parse("UPDATE counters SET n = n + 1 WHERE n < 10").requireIdempotent())
                .isInstanceOf(BatchRefusedException.class).hasMessageContaining("sets n from itself");
    }

    @Test
    void columnOfAnotherTable_withTheSameName_doesNotCountAsFilteringOnIt() {
        assertThatThrownBy(() -> parse("UPDATE orders o SET status = 'x' FROM s WHERE s.status IS NULL AND o.id = s.id")
                .requireIdempotent()).isInstanceOf(BatchRefusedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "INSERT INTO t VALUES (1)",
            "WITH x AS (SELECT 1) UPDATE t SET a = 1 WHERE a IS NULL",
            "UPDATE t SET a = 1 WHERE a IS NULL RETURNING id",
            "DELETE FROM t WHERE CURRENT OF c"})
    void shapesBatchesCannotRun_areRefused(String sql) {
        assertThatThrownBy(() -> parse(sql)).isInstanceOf(BatchRefusedException.class);
    }
}
