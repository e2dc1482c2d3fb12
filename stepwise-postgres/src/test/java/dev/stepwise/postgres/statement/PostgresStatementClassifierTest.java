package dev.stepwise.postgres.statement;

import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.LockImpact;
import dev.stepwise.sql.StatementSplitter;
import dev.stepwise.sql.StatementTraits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresStatementClassifierTest {

    private static StatementTraits classify(String sql, int version) {
        return new PostgresStatementClassifier(version).classify(StatementSplitter.statements(sql).get(0));
    }

    private static ExecutionMode mode(String sql) {
        return classify(sql, 17).mode();
    }

    private static LockImpact lock(String sql) {
        return classify(sql, 17).lock();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX CONCURRENTLY ix ON t (a)",
            "create unique index concurrently if not exists ix on t (a)",
            "DROP INDEX CONCURRENTLY ix",
            "REINDEX INDEX CONCURRENTLY ix",
            "REINDEX (VERBOSE) TABLE CONCURRENTLY t",
            "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY",
            "VACUUM t",
            "VACUUM (ANALYZE) t",
            "CREATE DATABASE other",
            "ALTER SYSTEM SET work_mem = '64MB'"})
    void statementsThatCannotRunInATransactionBlock_getAStepOfTheirOwn(String sql) {
        assertThat(mode(sql)).isEqualTo(ExecutionMode.AUTOCOMMIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX ix ON t (a)",
            "CREATE TABLE concurrently_named (a int)",
            "ALTER TABLE t ADD COLUMN a int",
            "ALTER TABLE p DETACH PARTITION p1",
            "DROP INDEX ix",
            "ALTER TYPE mood ADD VALUE 'meh'",
            "ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID, VALIDATE CONSTRAINT d",
            "SELECT 'CREATE INDEX CONCURRENTLY'"})
    void ordinaryStatements_runInTheMigrationsTransaction(String sql) {
        assertThat(mode(sql)).isEqualTo(ExecutionMode.TRANSACTIONAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive",
            "ALTER TABLE IF EXISTS ONLY app.\"Orders\" VALIDATE CONSTRAINT c"})
    void validateConstraint_isAStepOfItsOwnInItsOwnTransaction_holdingNoTrafficLock(String sql) {
        assertThat(mode(sql)).isEqualTo(ExecutionMode.OWN_TRANSACTION);
        assertThat(lock(sql)).isEqualTo(LockImpact.SHARE_UPDATE_EXCLUSIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALTER TYPE mood ADD VALUE 'meh'", "ALTER TYPE app.mood ADD VALUE IF NOT EXISTS 'meh'"})
    void enumAddValue_beforePostgres12_runsOutsideATransaction(String sql) {
        assertThat(classify(sql, 11).mode()).isEqualTo(ExecutionMode.AUTOCOMMIT);
        assertThat(classify(sql, 12).mode()).isEqualTo(ExecutionMode.TRANSACTIONAL);
    }

    @Test
    void enumAddValue_namesTheLabelItAdds_forTheStepLayout() {
        assertThat(classify("ALTER TYPE app.mood ADD VALUE IF NOT EXISTS 'it''s' BEFORE 'sad'", 17).addedEnumValue())
                .isEqualTo("it's");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ALTER TABLE users ADD COLUMN email text",
            "CREATE INDEX ix ON t (a)",
            "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id) NOT VALID",
            "CREATE TABLE orders (id int, user_id int REFERENCES users)",
            "CREATE TABLE p2024 PARTITION OF p FOR VALUES FROM (1) TO (2)",
            "CREATE OR REPLACE VIEW v AS SELECT 1",
            "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()",
            "DROP TABLE t",
            "TRUNCATE t",
            "LOCK TABLE t",
            "VACUUM FULL t",
            "REFRESH MATERIALIZED VIEW mv",
            "DO $$ BEGIN END $$",
            "ALTER SEQUENCE s RESTART"})
    void statementsThatQueueTraffic_getTheShortLockTimeout(String sql) {
        assertThat(lock(sql)).isEqualTo(LockImpact.QUEUES_TRAFFIC);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX CONCURRENTLY ix ON t (a)",
            "REINDEX TABLE CONCURRENTLY t",
            "DROP INDEX CONCURRENTLY ix",
            "ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY",
            "VACUUM (ANALYZE) t",
            "ANALYZE t",
            "COMMENT ON TABLE t IS 'x'"})
    void statementsThatTakeShareUpdateExclusive_waitLong(String sql) {
        assertThat(lock(sql)).isEqualTo(LockImpact.SHARE_UPDATE_EXCLUSIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE orders SET status = 'pending' WHERE status IS NULL",
            "INSERT INTO t VALUES (1)",
            "WITH x AS (SELECT 1) DELETE FROM t",
            "SELECT setval('s', 10)",
            "CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL)",
            "CREATE TABLE t AS SELECT 1 AS a",
            "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
            "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'",
            "CREATE TYPE mood AS ENUM ('a')",
            "CREATE SCHEMA app",
            "CREATE SEQUENCE s",
            "ALTER TYPE mood ADD VALUE 'b'"})
    void statementsThatBlockNoTraffic_areMinor(String sql) {
        assertThat(lock(sql)).isEqualTo(LockImpact.MINOR);
    }
}
