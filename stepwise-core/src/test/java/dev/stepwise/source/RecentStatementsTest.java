package dev.stepwise.source;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The statements of the files read last: bounded in files and bytes, whatever the history's length. */
class RecentStatementsTest {

    @TempDir
    Path dir;

    private SqlMigration migration(int n) {
        String revision = "r" + n;
        return new MigrationFileParser().parse(new MigrationFiles(dir).write("2024050109" + String.format("%04d", n)
                + "_" + revision + ".sql", "-- revision: " + revision + "\n-- down_revision: none\n\n-- +up\n\n-- +down\n"));
    }

    @Test
    void keepsAtMostItsFiles_lettingGoOfTheOneUsedLongestAgo() {
        RecentStatements recent = new RecentStatements(2, 1_000);
        SqlMigration a = migration(1);
        SqlMigration b = migration(2);
        SqlMigration c = migration(3);
        recent.put(a, List.of(), 10);
        recent.put(b, List.of(), 10);
        recent.get(a);

        recent.put(c, List.of(), 10);

        assertThat(recent.get(a)).isNotNull();
        assertThat(recent.get(b)).isNull();
        assertThat(recent.get(c)).isNotNull();
    }

    @Test
    void keepsAtMostItsBytes_butAlwaysTheFileJustRead() {
        RecentStatements recent = new RecentStatements(10, 100);
        SqlMigration a = migration(1);
        SqlMigration b = migration(2);
        recent.put(a, List.of(), 60);

        recent.put(b, List.of(), 150);

        assertThat(recent.get(a)).isNull();
        assertThat(recent.get(b)).isNotNull();
    }
}
