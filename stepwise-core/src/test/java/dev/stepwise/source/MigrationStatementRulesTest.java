package dev.stepwise.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Statements a migration file may not contain. */
class MigrationStatementRulesTest {

    @TempDir
    Path dir;

    private MigrationFiles files() {
        return new MigrationFiles(dir);
    }

    private static String file(String upSection) {
        return MigrationFiles.HEADER + "-- +up\nCREATE TABLE t (id int);\n" + upSection + "-- +down\nSELECT 1;\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"BEGIN", "begin transaction", "START TRANSACTION ISOLATION LEVEL SERIALIZABLE",
            "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT s1", "RELEASE SAVEPOINT s1",
            "ROLLBACK TO SAVEPOINT s1", "PREPARE TRANSACTION 'x'", "COMMIT PREPARED 'x'"})
    void explicitTransactionControl_isAnError(String statement) {
        MigrationFileException e = files().rejected(file(statement + ";\n"));

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("transactions are the runner's job");
    }

    @Test
    void beginAtomicBody_isNotTransactionControl() {
        SqlMigration migration = files().parse(file("""
                CREATE FUNCTION one() RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT 1;
                END;
                """));

        assertThat(migration.statementCount(Direction.UP)).isEqualTo(2);
    }

    @Test
    void commitInsideADoBlock_isNotTopLevelTransactionControl() {
        SqlMigration migration = files().parse(file("DO $$ BEGIN COMMIT; END $$;\n"));

        assertThat(migration.statementCount(Direction.UP)).isEqualTo(2);
    }

    @Test
    void preparedStatement_isNotTransactionControl() {
        SqlMigration migration = files().parse(file("PREPARE q AS SELECT 1;\n"));

        assertThat(migration.statementCount(Direction.UP)).isEqualTo(2);
    }

    @Test
    void psqlMetaCommand_isAnError_namingFileAndLine() {
        MigrationFileException e = files().rejected(file("\\connect other\n"));

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("20240501093000_abc123_example.sql:5")
                .contains("psql meta-command \\connect");
    }

    @Test
    void copyFromStdin_isAnError() {
        MigrationFileException e = files().rejected(file("COPY t (id) FROM stdin;\n1\n\\.\n"));

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("COPY ... FROM stdin is not supported");
    }

    @Test
    void unterminatedString_isAnError() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER
                + "-- +up\nSELECT 1;\n-- +down\nSELECT 'oops;\n");

        assertThat(e.line()).isEqualTo(6);
    }
}
