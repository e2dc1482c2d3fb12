package dev.stepwise.postgres;

import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.StatementSplitter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresStatementClassifierTest {

    private static ExecutionMode classify(String sql, int version) {
        return new PostgresStatementClassifier(version).classify(StatementSplitter.statements(sql).get(0));
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
        assertThat(classify(sql, 17)).isEqualTo(ExecutionMode.AUTOCOMMIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE INDEX ix ON t (a)",
            "CREATE TABLE concurrently_named (a int)",
            "ALTER TABLE t ADD COLUMN a int",
            "ALTER TABLE p DETACH PARTITION p1",
            "DROP INDEX ix",
            "ALTER TYPE mood ADD VALUE 'meh'",
            "SELECT 'CREATE INDEX CONCURRENTLY'"})
    void ordinaryStatements_runInTheMigrationsTransaction(String sql) {
        assertThat(classify(sql, 17)).isEqualTo(ExecutionMode.TRANSACTIONAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALTER TYPE mood ADD VALUE 'meh'", "ALTER TYPE app.mood ADD VALUE IF NOT EXISTS 'meh'"})
    void enumAddValue_beforePostgres12_runsOutsideATransaction(String sql) {
        assertThat(classify(sql, 11)).isEqualTo(ExecutionMode.AUTOCOMMIT);
        assertThat(classify(sql, 12)).isEqualTo(ExecutionMode.TRANSACTIONAL);
    }
}
