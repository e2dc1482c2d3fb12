package dev.stepwise.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code -- +up} and {@code -- +down} sections and what may stand around them. */
class MigrationSectionsTest {

    @TempDir
    Path dir;

    private MigrationFiles files() {
        return new MigrationFiles(dir);
    }

    @Test
    void bothSections_areCounted() {
        SqlMigration migration = files().parse(MigrationFiles.HEADER + """

                -- +up
                CREATE TABLE t (id int);
                CREATE INDEX t_id ON t (id);

                -- +down
                DROP TABLE t;
                """);

        assertThat(migration.statementCount(Direction.UP)).isEqualTo(2);
        assertThat(migration.statementCount(Direction.DOWN)).isEqualTo(1);
        assertThat(migration.hasDown()).isTrue();
    }

    @Test
    void missingUp_isAnError() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + "\n-- +down\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("`-- +down` before `-- +up`");
    }

    @Test
    void fileWithOnlyAHeader_hasNoUpSection() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER);

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("has no `-- +up` section");
    }

    @Test
    void emptyFile_hasNoHeader_atLine1() {
        MigrationFileException e = files().rejected("");

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains(":1: has no header");
    }

    @Test
    void missingDown_isAnError() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + "\n-- +up\nCREATE TABLE t (id int);\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("no `-- +down` section");
    }

    @Test
    void secondUp_isAnError() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + "-- +up\n-- +up\n-- +down\n");

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("a second `-- +up` (the first is on line 3)");
    }

    @Test
    void secondDown_isAnError() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + "-- +up\n-- +down\n-- +down\n");

        assertThat(e.getMessage()).contains("a second `-- +down`");
    }

    @Test
    void misspeltMarker_isAnError() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + "-- +upgrade\n-- +down\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("unknown section marker `-- +upgrade`");
    }

    @Test
    void statementBetweenHeaderAndUp_isAnError() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + """
                -- comments are fine here

                SET search_path = app;
                -- +up
                -- +down
                """);

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("a statement before `-- +up`");
    }

    @Test
    void emptyDown_withReversibleYes_isAnError() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + "-- +up\nCREATE TABLE t (id int);\n-- +down\n");

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("`-- +down` is empty but the header says `reversible: yes`");
    }

    @Test
    void emptyDown_withReversibleNo_meansNoDown() {
        SqlMigration migration = files().parse(MigrationFiles.HEADER + "-- reversible: no\n"
                + "-- +up\nDROP TABLE t;\n-- +down\n");

        assertThat(migration.hasDown()).isFalse();
    }

    @Test
    void downStatements_withReversibleNo_areAnError() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + "-- reversible: no\n"
                + "-- +up\nDROP TABLE t;\n-- +down\nCREATE TABLE t (id int);\n");

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("`reversible: no` but `-- +down` (line 6) has statements");
    }

    @Test
    void migrationWithNothingToDo_canBeDowngraded_withoutReversibleNo() {
        SqlMigration merge = files().parse("-- revision: abc123\n-- down_revision: p1, p2\n\n-- +up\n\n-- +down\n");

        assertThat(merge.hasDown()).isTrue();
        assertThat(merge.statementCount(Direction.UP)).isZero();
    }

    @Test
    void lastStatementOfASection_mayLackItsSemicolon() {
        SqlMigration migration = files().parse(MigrationFiles.HEADER
                + "-- +up\nCREATE TABLE t (id int)\n-- +down\nDROP TABLE t\n");

        assertThat(migration.statementCount(Direction.UP)).isEqualTo(1);
        assertThat(migration.statementCount(Direction.DOWN)).isEqualTo(1);
    }

    @Test
    void markerInsideADollarBody_isAnError() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + """
                -- +up
                CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$
                  SELECT 1
                -- +down
                $$;
                -- +down
                DROP FUNCTION f();
                """);

        assertThat(e.line()).isEqualTo(6);
        assertThat(e.getMessage()).contains("inside a quoted body");
    }

    @Test
    void crlfLineEndingsAndABom_areAccepted() {
        String text = "\uFEFF" + (MigrationFiles.HEADER + "-- +up\nCREATE TABLE t (id int);\n-- +down\nDROP TABLE t;\n")
                .replace("\n", "\r\n");

        SqlMigration migration = files().parse(text);

        assertThat(migration.revision()).isEqualTo("abc123");
        assertThat(migration.statementCount(Direction.DOWN)).isEqualTo(1);
    }

    @Test
    void invalidUtf8_isAnError_namingTheFile() {
        MigrationFiles files = files();
        Path file = files.writeBytes("20240501093000_abc123_x.sql",
                (MigrationFiles.HEADER + "-- +up\nSELECT '\u00e9';\n-- +down\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        MigrationFileException e = org.junit.jupiter.api.Assertions.assertThrows(MigrationFileException.class,
                () -> new MigrationFileParser().parse(file));

        assertThat(e.getMessage()).contains("20240501093000_abc123_x.sql:4: is not valid UTF-8")
                .contains("column 9");
    }

    @Test
    void invalidUtf8_farBeyondWhatTheReaderHasSplit_namesItsOwnLine_readFromDiskOrFromBytes() throws Exception {
        // the reader decodes thousands of characters ahead of the statement being split, so the
        // line must come from the bytes, not from where the splitter stood when decoding failed
        StringBuilder text = new StringBuilder(MigrationFiles.HEADER + "-- +up\r\n");
        for (int i = 0; i < 2000; i++) {
            text.append("SELECT ").append(i).append(";\r\n");
        }
        byte[] good = (text + "-- +down\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = text.indexOf("SELECT 1500;") + "SELECT 15".length();
        byte[] bad = good.clone();
        bad[at] = (byte) 0xC3;
        MigrationFiles files = files();
        Path file = files.writeBytes("20240501093000_abc123_x.sql", bad);

        MigrationFileException fromDisk = org.junit.jupiter.api.Assertions.assertThrows(MigrationFileException.class,
                () -> new MigrationFileParser().parse(file));
        MigrationFileException fromBytes = org.junit.jupiter.api.Assertions.assertThrows(MigrationFileException.class,
                () -> new MigrationFileParser().parse(file, bad));

        for (MigrationFileException e : java.util.List.of(fromDisk, fromBytes)) {
            assertThat(e.line()).isEqualTo(1504);
            assertThat(e.getMessage()).contains(":1504: is not valid UTF-8").contains("column 10");
        }
    }
}
