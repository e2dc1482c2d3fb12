package dev.stepwise.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading every migration of a project. */
class MigrationCatalogTest {

    @TempDir
    Path dir;

    private static String migration(String revision, String down) {
        return "-- revision: " + revision + "\n-- down_revision: " + down + "\n\n-- +up\n\n-- +down\n";
    }

    @Test
    void sqlFiles_areLoadedInFileNameOrder_fromSubdirectoriesToo() {
        MigrationFiles files = new MigrationFiles(dir);
        files.write("release-2/20240301000000_c3_third.sql", migration("c3", "b2"));
        files.write("20240101000000_a1_first.sql", migration("a1", "none"));
        files.write("release-1/20240201000000_b2_second.sql", migration("b2", "a1"));

        MigrationCatalog catalog = MigrationCatalog.load(dir);

        assertThat(catalog.migrations()).extracting(Migration::revision).containsExactly("a1", "b2", "c3");
        assertThat(catalog.find("b2").orElseThrow().origin()).endsWith("20240201000000_b2_second.sql");
        assertThat(catalog.find("zz")).isEmpty();
    }

    @Test
    void aFileOverAMegabyte_isHashedAndCheckedAsAStream_toTheMigrationReadingItWholeGives() throws IOException {
        String rows = ("INSERT INTO t VALUES ('" + "x".repeat(1000) + "');\n").repeat(1200);
        Path file = new MigrationFiles(dir).write("20240101000000_a1_data.sql",
                "-- revision: a1\n-- down_revision: none\n\n-- +up\nCREATE TABLE t (v text);\n" + rows
                        + "\n-- +down\nDROP TABLE t;\n");
        assertThat(Files.size(file)).isGreaterThan(MigrationCatalog.READ_WHOLE_BYTES);
        String whole = new MigrationFileParser().parse(file, Files.readAllBytes(file)).checksum();
        Path cache = dir.resolve(".cache/parsed");

        Migration loaded = MigrationCatalog.load(dir, List.of(), cache).migrations().get(0);
        Migration cached = MigrationCatalog.load(dir, List.of(), cache).migrations().get(0);

        assertThat(loaded.checksum()).isEqualTo(whole);
        assertThat(cached.checksum()).isEqualTo(whole);
        assertThat(((SqlMigration) cached).statementCount(Direction.UP)).isEqualTo(1201);
    }

    @Test
    void otherFilesAndHiddenDirectories_areIgnored() {
        MigrationFiles files = new MigrationFiles(dir);
        files.write("20240101000000_a1_first.sql", migration("a1", "none"));
        files.write("README.md", "# migrations");
        files.write(".backup/whatever.sql", "not a migration");

        assertThat(MigrationCatalog.load(dir).migrations()).extracting(Migration::revision).containsExactly("a1");
    }

    @Test
    void sqlFileWithAnotherName_isAnError() {
        Path file = new MigrationFiles(dir).write("V2__add_users.sql", migration("a1", "none"));

        assertThatThrownBy(() -> MigrationCatalog.load(dir))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("the file name does not match <yyyyMMddHHmmss>_<revision>_<slug>.sql");
    }

    @Test
    void everyFileIsFullyChecked_notJustItsHeader() {
        new MigrationFiles(dir).write("20240101000000_a1_first.sql",
                "-- revision: a1\n-- down_revision: none\n-- +up\nCOMMIT;\n-- +down\n");

        assertThatThrownBy(() -> MigrationCatalog.load(dir))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("20240101000000_a1_first.sql:4");
    }

    @Test
    void twoFilesWithOneRevision_areBothPassedOn_forTheGraphToReport() {
        MigrationFiles files = new MigrationFiles(dir);
        files.write("20240101000000_a1_first.sql", migration("a1", "none"));
        files.write("20240102000000_a1_again.sql", migration("a1", "none"));

        MigrationCatalog catalog = MigrationCatalog.load(dir);

        assertThat(catalog.migrations()).hasSize(2);
        assertThat(catalog.find("a1").orElseThrow().origin()).endsWith("20240101000000_a1_first.sql");
    }

    @Test
    void missingDirectory_isAnError() {
        assertThatThrownBy(() -> MigrationCatalog.load(dir.resolve("nope")))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("the migrations directory does not exist");
    }

    @Test
    void javaMigrations_joinTheSqlFiles() {
        new MigrationFiles(dir).write("20240101000000_a1_first.sql", migration("a1", "none"));
        JavaCodedMigration java = JavaCodedMigration.of(dev.stepwise.source.fixtures.good.CreateAccounts.class);

        MigrationCatalog catalog = MigrationCatalog.load(dir, List.of(java));

        assertThat(catalog.migrations()).extracting(Migration::revision).containsExactly("a1", "java_accounts");
        assertThat(catalog.find("java_accounts")).containsSame(java);
    }
}
