package dev.stepwise.postgres.lint;

import dev.stepwise.source.Direction;
import dev.stepwise.source.MigrationFileParser;
import dev.stepwise.source.SqlMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What lint keeps of a migration it read: a small one's statements; never a large file's. */
class ReadMigrationTest {

    @TempDir
    Path dir;

    private SqlMigration migration(String up) throws IOException {
        Path file = dir.resolve("20240101000000_a1_data.sql");
        Files.writeString(file, "-- revision: a1\n-- down_revision: none\n\n-- +up\n" + up + "\n-- +down\nDROP TABLE t;\n");
        return new MigrationFileParser().parse(file);
    }

    private static List<String> walk(ReadMigration read) {
        List<String> sql = new ArrayList<>();
        read.section(Direction.UP).forEach(r -> sql.add(r.statement().sql()));
        return sql;
    }

    @Test
    void aSmallSection_isKeptOnceRead() throws IOException {
        SqlMigration m = migration("CREATE TABLE t (v text);");
        ReadMigration read = ReadMigration.of(m, 17);
        walk(read);
        Files.writeString(m.file(), Files.readString(m.file()).replace("(v text)", "(w text)"));

        assertThat(walk(read)).containsExactly("CREATE TABLE t (v text)");
    }

    @Test
    void aLargeFileOfFewLongStatements_isReadFromTheFileOnEveryWalk_neverHeld() throws IOException {
        // five statements of 100 KB: far under the statement count lint would hold, but 500 KB of text
        String insert = "INSERT INTO t VALUES " + String.join(", ", java.util.Collections.nCopies(5_000,
                "('" + "x".repeat(16) + "')")) + ";\n";
        SqlMigration m = migration("CREATE TABLE t (v text);\n" + insert.repeat(5));
        ReadMigration read = ReadMigration.of(m, 17);
        assertThat(walk(read)).hasSize(6);
        Files.writeString(m.file(), Files.readString(m.file()).replace("(v text)", "(w text)"));

        assertThat(walk(read).get(0)).isEqualTo("CREATE TABLE t (w text)");
    }
}
