package dev.stepwise.source;

import dev.stepwise.sql.Directive;
import dev.stepwise.sql.SqlStatement;
import dev.stepwise.sql.StatementClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code -- stepwise:} directives: where they may stand and what they may say. */
class MigrationDirectivesTest {

    @TempDir
    Path dir;

    private MigrationFiles files() {
        return new MigrationFiles(dir);
    }

    private static List<SqlStatement> up(SqlMigration migration) {
        List<SqlStatement> statements = new ArrayList<>();
        migration.plan(Direction.UP, StatementClassifier.ALL_TRANSACTIONAL).forEach(statements::add);
        return statements;
    }

    private static String file(String upSection) {
        return MigrationFiles.HEADER + "-- +up\n" + upSection + "-- +down\nSELECT 1;\n";
    }

    @Test
    void stackedDirectives_governTheStatementDirectlyBelow() {
        SqlMigration migration = files().parse(file("""
                CREATE TABLE t (id int, v int);
                -- stepwise:allow batch-without-index the table is tiny
                -- stepwise:batch size=1000 target=50ms pause=0ms
                UPDATE t SET v = 1;
                """));

        List<SqlStatement> statements = up(migration);

        assertThat(statements.get(0).directives()).isEmpty();
        assertThat(statements.get(1).directives()).containsExactly(
                new Directive("allow", Map.of(), List.of("batch-without-index", "the table is tiny"), 5),
                new Directive("batch", Map.of("size", "1000", "target", "50ms", "pause", "0ms"), List.of(), 6));
        assertThat(migration.usesBatch()).isTrue();
    }

    @Test
    void migrationWithoutBatch_doesNotUseBatch() {
        assertThat(files().parse(file("SELECT 1;\n")).usesBatch()).isFalse();
    }

    @Test
    void allowAboveUp_appliesToTheWholeMigration() {
        SqlMigration migration = files().parse(MigrationFiles.HEADER + """

                -- stepwise:allow contract-without-expand   the column was never used
                -- +up
                SELECT 1;
                -- +down
                SELECT 1;
                """);

        assertThat(migration.migrationDirectives()).containsExactly(
                new Directive("allow", Map.of(), List.of("contract-without-expand", "the column was never used"), 4));
        assertThat(up(migration).get(0).directives()).isEmpty();
    }

    @Test
    void batchAboveUp_isAnError() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + "-- stepwise:batch size=10\n-- +up\n-- +down\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("only `stepwise:allow` may stand before `-- +up`");
    }

    @Test
    void unknownDirective_isAnError() {
        MigrationFileException e = files().rejected(file("-- stepwise:retry times=3\nSELECT 1;\n"));

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("unknown directive `stepwise:retry`");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "batch rows=10               | unknown key `rows`",
            "batch size=0                | size=`0` is neither a positive number of rows nor `auto`",
            "batch size=many             | size=`many`",
            "batch target=fast           | target=`fast` is not a positive duration",
            "batch target=0ms            | target=`0ms` is not a positive duration",
            "batch pause=-1s             | pause=`-1s` is not a duration",
            "batch size=10 size=20       | `size` is given twice",
            "batch 10                    | `10` is not `key=value`",
            "allow                       | needs a rule id in kebab case",
            "allow Not_Kebab because     | needs a rule id in kebab case",
            "allow some-rule             | needs a reason",
    })
    void badDirective_isAnError(String directive, String problem) {
        MigrationFileException e = files().rejected(file("-- stepwise:" + directive + "\nUPDATE t SET v = 1;\n"));

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains(problem);
    }

    @Test
    void sizeAuto_isAccepted() {
        SqlMigration migration = files().parse(file("-- stepwise:batch size=auto target=2s\nUPDATE t SET v = 1;\n"));

        assertThat(up(migration).get(0).directive("batch").options()).containsEntry("size", "auto");
    }

    @Test
    void directiveWithNoStatementAfterIt_inItsSection_isAnError() {
        MigrationFileException e = files().rejected(file("SELECT 1;\n-- stepwise:batch size=10\n"));

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("directive `stepwise:batch` has no statement after it in its section");
    }

    @Test
    void directiveAtTheEndOfTheFile_isAnError() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER
                + "-- +up\nSELECT 1;\n-- +down\nSELECT 1;\n-- stepwise:allow some-rule reason\n");

        assertThat(e.line()).isEqualTo(7);
        assertThat(e.getMessage()).contains("has no statement after it");
    }

    @Test
    void blankLineBetweenDirectiveAndStatement_isAnError() {
        MigrationFileException e = files().rejected(file("-- stepwise:batch size=10\n\nUPDATE t SET v = 1;\n"));

        assertThat(e.line()).isEqualTo(6);
        assertThat(e.getMessage()).contains("must stand directly above its statement, but a blank line");
    }

    @Test
    void commentBetweenDirectiveAndStatement_isAnError() {
        MigrationFileException e = files().rejected(file("-- stepwise:batch size=10\n-- why\nUPDATE t SET v = 1;\n"));

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("but a comment comes between");
    }

    @Test
    void directiveInsideAString_isAnError() {
        MigrationFileException e = files().rejected(file("SELECT 'text\n-- stepwise:batch size=10\n';\n"));

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("inside a quoted body");
    }

    @Test
    void directiveInTheMiddleOfAStatement_isAnError() {
        MigrationFileException e = files().rejected(file("UPDATE t\n-- stepwise:batch size=10\nSET v = 1;\n"));

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("in the middle of a statement: the statement on line 4 has no `;`");
    }

    @Test
    void twoBatchDirectivesOnOneStatement_areAnError() {
        MigrationFileException e = files().rejected(file(
                "-- stepwise:batch size=10\n-- stepwise:batch size=20\nUPDATE t SET v = 1;\n"));

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("a second `stepwise:batch`");
    }
}
