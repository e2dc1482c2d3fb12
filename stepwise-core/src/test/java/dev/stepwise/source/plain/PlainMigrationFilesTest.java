package dev.stepwise.source.plain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlainMigrationFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private List<String> names() {
        return PlainMigrationFiles.in(dir).stream().map(PlainMigrationFiles.PlainMigration::name).toList();
    }

    @Test
    void flywayVersionsSortAsNumbers_repeatablesLast_undoAsTheDown() throws IOException {
        write("V10__ten.sql", "SELECT 10;");
        write("V2__two.sql", "SELECT 2;");
        write("V2_1__two_one.sql", "SELECT 21;");
        write("R__views.sql", "SELECT 0;");
        Path undo = write("U2__two.sql", "SELECT -2;");

        assertThat(names()).containsExactly("V2__two", "V2_1__two_one", "V10__ten", "R__views");
        assertThat(PlainMigrationFiles.in(dir).get(0).down()).extracting(PlainMigrationFiles.Part::file)
                .containsExactly(undo);
    }

    @Test
    void golangMigratePairsUpAndDown() throws IOException {
        Path up = write("000002_add.up.sql", "ALTER TABLE t ADD COLUMN c int;");
        Path down = write("000002_add.down.sql", "ALTER TABLE t DROP COLUMN c;");
        write("000001_init.up.sql", "CREATE TABLE t (id int);");

        List<PlainMigrationFiles.PlainMigration> all = PlainMigrationFiles.in(dir);

        assertThat(all).extracting(PlainMigrationFiles.PlainMigration::name)
                .containsExactly("000001_init.up", "000002_add.up");
        assertThat(all.get(0).down()).isEmpty();
        assertThat(all.get(1).up()).containsExactly(new PlainMigrationFiles.Part(up, 1, 1));
        assertThat(all.get(1).down()).containsExactly(new PlainMigrationFiles.Part(down, 1, 1));
    }

    @Test
    void gooseAndDbmateSectionsSplitOneFile() throws IOException {
        Path goose = write("20240101000000_a.sql", "-- +goose Up\nCREATE TABLE a (id int);\n-- +goose Down\nDROP TABLE a;\n");
        Path dbmate = write("20240102000000_b.sql", "-- migrate:up\nCREATE TABLE b (id int);\n\n-- migrate:down\nDROP TABLE b;\n");

        List<PlainMigrationFiles.PlainMigration> all = PlainMigrationFiles.in(dir);

        assertThat(all.get(0).up()).containsExactly(new PlainMigrationFiles.Part(goose, 2, 2));
        assertThat(all.get(0).down()).containsExactly(new PlainMigrationFiles.Part(goose, 4, 5));
        assertThat(all.get(1).up()).containsExactly(new PlainMigrationFiles.Part(dbmate, 2, 3));
        assertThat(all.get(1).down()).containsExactly(new PlainMigrationFiles.Part(dbmate, 5, 6));
    }

    @Test
    void plainFilesInTheOrderOfTheNumberTheyStartWith_thenByName() throws IOException {
        write("sub/003_c.sql", "SELECT 3;");
        write("1_a.sql", "SELECT 1;");
        write("20_b.sql", "SELECT 20;");
        write("schema.sql", "SELECT 0;");
        write(".hidden/9_x.sql", "SELECT 9;");

        assertThat(names()).containsExactly("1_a", "003_c", "20_b", "schema");
    }

    @Test
    void aDirectoryOfStepwiseFilesIsNotForeign() throws IOException {
        write("20260101000000_abc_init.sql", "-- revision: abc\n");
        assertThat(PlainMigrationFiles.isForeign(dir, p -> p.getFileName().toString().matches("\\d{14}_.*")))
                .isFalse();
        write("other/V1__x.sql", "SELECT 1;");
        assertThat(PlainMigrationFiles.isForeign(dir.resolve("other"),
                p -> p.getFileName().toString().matches("\\d{14}_.*"))).isTrue();
    }

    @Test
    void transactionControlAndPsqlCommandsBecomeComments_otherLinesStayAsTheyAre() {
        assertThat(PlainChain.kept("BEGIN;")).isEqualTo("-- BEGIN;");
        assertThat(PlainChain.kept("  commit ;")).isEqualTo("--   commit ;");
        assertThat(PlainChain.kept("\\set ON_ERROR_STOP on")).startsWith("-- ");
        assertThat(PlainChain.kept("BEGIN ATOMIC")).isEqualTo("BEGIN ATOMIC");
        assertThat(PlainChain.kept("  CREATE INDEX i ON t (c);")).isEqualTo("  CREATE INDEX i ON t (c);");
    }
}
