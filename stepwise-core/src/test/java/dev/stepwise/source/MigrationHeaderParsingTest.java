package dev.stepwise.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The header block of a migration file: what it may say and how it ends. */
class MigrationHeaderParsingTest {

    private static final String EMPTY_SECTIONS = "\n-- +up\n\n-- +down\n";

    @TempDir
    Path dir;

    private MigrationFiles files() {
        return new MigrationFiles(dir);
    }

    @Test
    void fullHeader_isRead() {
        MigrationHeader header = files().parse("""
                -- A leading comment is allowed.

                -- revision: abc123
                -- down_revision: p1, p2
                -- message: add users email
                -- phase: contract
                -- branch_labels: billing, core
                -- depends_on: d1
                -- transaction: none
                -- reversible: lossy
                -- expands: p1
                """ + EMPTY_SECTIONS).header();

        assertThat(header).isEqualTo(new MigrationHeader("abc123", List.of("p1", "p2"), "add users email",
                Phase.CONTRACT, java.util.Set.of("billing", "core"), List.of("d1"), TransactionMode.NONE,
                Reversibility.LOSSY, "p1"));
    }

    @Test
    void minimalHeader_getsTheDefaults() {
        MigrationHeader header = files().parse(MigrationFiles.HEADER + EMPTY_SECTIONS).header();

        assertThat(header.downRevisions()).isEmpty();
        assertThat(header.message()).isEmpty();
        assertThat(header.phase()).isEqualTo(Phase.EXPAND);
        assertThat(header.branchLabels()).isEmpty();
        assertThat(header.dependsOn()).isEmpty();
        assertThat(header.transaction()).isEqualTo(TransactionMode.AUTO);
        assertThat(header.reversible()).isEqualTo(Reversibility.YES);
        assertThat(header.expands()).isNull();
    }

    @Test
    void unknownKey_isAnError_namingTheLine() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + "-- owner: team-a\n" + EMPTY_SECTIONS);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("20240501093000_abc123_example.sql:3").contains("unknown header key `owner`");
    }

    @Test
    void duplicateKey_isAnError() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + "-- revision: abc123\n" + EMPTY_SECTIONS);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains("duplicate header key `revision` (first on line 1)");
    }

    @Test
    void missingRevision_isAnError() {
        MigrationFileException e = files().rejected("-- down_revision: none\n" + EMPTY_SECTIONS);

        assertThat(e.getMessage()).contains("the header has no `revision`");
    }

    @Test
    void missingDownRevision_isAnError_suggestingNone() {
        MigrationFileException e = files().rejected("-- revision: abc123\n" + EMPTY_SECTIONS);

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("no `down_revision`").contains("`-- down_revision: none`");
    }

    @Test
    void fileWithoutHeader_isAnError() {
        MigrationFileException e = files().rejected("SELECT 1;\n");

        assertThat(e.getMessage()).contains("a statement before `-- +up`");
    }

    @Test
    void keyInUppercase_isAnError() {
        MigrationFileException e = files().rejected("-- Revision: abc123\n-- down_revision: none\n" + EMPTY_SECTIONS);

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("header keys are lowercase");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "phase          | sideways      | `phase`: `sideways` is not one of contract, expand",
            "transaction    | always        | `transaction`: `always` is not one of auto, none",
            "reversible     | maybe         | `reversible`: `maybe` is not one of lossy, no, yes",
            "depends_on     | Bad-Id        | `depends_on`: `Bad-Id` is not a revision id",
            "depends_on     | a,,b          | `depends_on`: empty item",
            "branch_labels  | head          | `branch_labels`: `head` is not a branch label",
            "expands        | x y           | `expands`: `x y` is not a revision id",
    })
    void badValue_isAnError_namingKeyAndValue(String key, String value, String problem) {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + "-- " + key + ": " + value + "\n"
                + EMPTY_SECTIONS);

        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).contains(problem);
    }

    @Test
    void controlCharactersInABadValue_areShownEscaped_soNoTerminalObeysThem() {
        // ESC [ 2 K erases the line a terminal or CI log is printing; NUL and DEL mean nothing good either
        MigrationFileException e = files().rejected("-- revision: abc123\n-- down_revision: p1\u001b[2K\u0000\u007f\n"
                + EMPTY_SECTIONS);

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("`p1\\u001b[2K\\u0000\\u007f`").doesNotContain("\u001b", "\u0000", "\u007f");
    }

    @ParameterizedTest
    @CsvSource({"none", "base", "head", "heads"})
    void reservedWord_cannotBeARevision(String word) {
        MigrationFileException e = files().rejected("-- revision: " + word + "\n-- down_revision: none\n" + EMPTY_SECTIONS);

        assertThat(e.getMessage()).contains("`" + word + "` is a reserved word");
    }

    @Test
    void revisionWithUppercase_isAnError() {
        MigrationFileException e = files().rejected("-- revision: ABC123\n-- down_revision: none\n" + EMPTY_SECTIONS);

        assertThat(e.getMessage()).contains("`ABC123` is not a revision id");
    }

    @Test
    void noneMixedWithParents_isAnError() {
        MigrationFileException e = files().rejected("-- revision: abc123\n-- down_revision: none, p1\n" + EMPTY_SECTIONS);

        assertThat(e.getMessage()).contains("`none` cannot be combined with parents");
    }

    @Test
    void emptyDownRevision_isAnError_suggestingNone() {
        MigrationFileException e = files().rejected("-- revision: abc123\n-- down_revision:\n" + EMPTY_SECTIONS);

        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("write `none` for a root");
    }

    @Test
    void expands_needsPhaseContract() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + "-- expands: p1\n" + EMPTY_SECTIONS);

        assertThat(e.getMessage()).contains("it needs `phase: contract`");
    }

    @Test
    void headerSplitByABlankLine_isAnError_insteadOfLosingTheKey() {
        MigrationFileException e = files().rejected("""
                -- revision: abc123
                -- down_revision: none
                -- message: drop the old column

                -- phase: contract
                """ + EMPTY_SECTIONS);

        assertThat(e.line()).isEqualTo(5);
        assertThat(e.getMessage()).contains("header key `phase` after the header block (lines 1..3);"
                + " a header split by a blank line?");
    }

    @Test
    void headerKeyInsideTheUpSection_isAnError() {
        MigrationFileException e = files().rejected(MigrationFiles.HEADER + """

                -- +up
                CREATE TABLE t (id int);
                -- reversible: no
                -- +down
                """);

        assertThat(e.line()).isEqualTo(6);
        assertThat(e.getMessage()).contains("header key `reversible` after the header block");
    }

    @Test
    void otherWordColonComments_afterTheHeader_areOrdinaryComments() {
        SqlMigration migration = files().parse(MigrationFiles.HEADER + """
                -- Note: this takes a while.

                -- +up
                -- note: the table is small
                CREATE TABLE t (id int);
                -- +down
                DROP TABLE t;
                """);

        assertThat(migration.statementCount(Direction.UP)).isEqualTo(1);
    }

    @Test
    void fileNameRevision_mustEqualTheHeaderRevision() {
        MigrationFiles files = files();
        Path file = files.write("20240501093000_other_example.sql", MigrationFiles.HEADER + EMPTY_SECTIONS);

        MigrationFileException e = org.junit.jupiter.api.Assertions.assertThrows(MigrationFileException.class,
                () -> new MigrationFileParser().parse(file));

        assertThat(e.line()).isEqualTo(1);
        assertThat(e.getMessage()).contains("does not name revision `abc123`");
    }

    @Test
    void readHeader_readsOnlyTheHeader_forAQuickLookAtTheGraph() {
        Path file = files().write(MigrationFiles.HEADER + "\n-- +up\nSELECT 'unterminated\n");

        assertThat(new MigrationFileParser().readHeader(file).revision()).isEqualTo("abc123");
    }
}
