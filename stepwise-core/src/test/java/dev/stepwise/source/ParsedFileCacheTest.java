package dev.stepwise.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParsedFileCacheTest {

    @TempDir
    Path dir;

    private static final String FILE = "20260101000000_a1b2c3d4e5f6_users.sql";
    private static final String TEXT = """
            -- stepwise:allow some-rule because we know
            -- revision: a1b2c3d4e5f6
            -- down_revision: none
            -- message: users
            -- branch_labels: core
            -- +up
            CREATE TABLE users (id int);
            -- stepwise:batch size=500 pause=10ms
            UPDATE users SET id = id;
            -- +down
            DROP TABLE users;
            """;

    private Path migrations() throws IOException {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(m.resolve(FILE), TEXT);
        return m;
    }

    private SqlMigration only(MigrationCatalog catalog) {
        return (SqlMigration) catalog.migrations().get(0);
    }

    @Test
    void aCachedFile_loadsExactlyAsParsingIt() throws IOException {
        Path migrations = migrations();
        Path cache = dir.resolve(".stepwise/parsed-migrations.cache");
        SqlMigration parsed = only(MigrationCatalog.load(migrations, List.of(), null));
        SqlMigration first = only(MigrationCatalog.load(migrations, List.of(), cache));
        assertThat(cache).exists();
        SqlMigration cached = only(MigrationCatalog.load(migrations, List.of(), cache));
        for (SqlMigration m : List.of(first, cached)) {
            assertThat(m.header()).isEqualTo(parsed.header());
            assertThat(m.checksum()).isEqualTo(parsed.checksum());
            assertThat(m.migrationDirectives()).isEqualTo(parsed.migrationDirectives());
            assertThat(m.sections()).isEqualTo(parsed.sections());
            assertThat(m.usesBatch()).isTrue();
        }
    }

    @Test
    void anEditedFile_isParsedAgain_evenWhenItNowFails() throws IOException {
        Path migrations = migrations();
        Path cache = dir.resolve(".stepwise/parsed-migrations.cache");
        MigrationCatalog.load(migrations, List.of(), cache);
        Files.writeString(migrations.resolve(FILE), TEXT.replace("-- message: users", "-- message: users\n-- color: red"));
        assertThatThrownBy(() -> MigrationCatalog.load(migrations, List.of(), cache))
                .isInstanceOf(MigrationFileException.class).hasMessageContaining("color");
        Files.writeString(migrations.resolve(FILE), TEXT.replace("CREATE TABLE users (id int)", "CREATE TABLE users (id bigint)"));
        String edited = only(MigrationCatalog.load(migrations, List.of(), cache)).checksum();
        assertThat(edited).isEqualTo(only(MigrationCatalog.load(migrations, List.of(), null)).checksum());
    }

    @Test
    void aCorruptCache_isIgnored() throws IOException {
        Path migrations = migrations();
        Path cache = dir.resolve(".stepwise/parsed-migrations.cache");
        Files.createDirectories(cache.getParent());
        Files.write(cache, new byte[]{0, 0, 0, 1, 0, 0, 0, 9, 42});
        assertThat(only(MigrationCatalog.load(migrations, List.of(), cache)).revision()).isEqualTo("a1b2c3d4e5f6");
    }
}
