package dev.stepwise.postgres.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresBinariesTest {

    @TempDir
    Path cache;

    @Test
    void majorVersion_namesTheDataDirectory() {
        assertThat(new PostgresBinaries(cache, "17.7").majorVersion()).isEqualTo("17");
        assertThat(new PostgresBinaries(cache, "10.23").majorVersion()).isEqualTo("10");
        assertThat(new PostgresBinaries(cache, "9.6.24").majorVersion()).isEqualTo("9.6");
    }

    @Test
    void archive_isUnpackedOnce_thenReused_andUnpackedAgainWhenThinnedOut() throws Exception {
        BinaryArchive archive = BinaryArchive.onClassPath();

        PostgresBinaries first = PostgresBinaries.unpack(archive, cache);
        assertThat(first.version()).matches("\\d+\\.\\d+");
        assertThat(first.tool("initdb")).isExecutable();
        assertThat(first.tool("postgres")).isExecutable();
        assertThat(first.home().resolve("lib/libpq.so.5")).isSymbolicLink();
        FileTime unpackedAt = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(first.tool("initdb"), unpackedAt);

        PostgresBinaries second = PostgresBinaries.unpack(archive, cache);
        assertThat(second).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(second.tool("initdb"))).as("not unpacked again").isEqualTo(unpackedAt);

        Files.delete(first.tool("pg_ctl"));
        PostgresBinaries third = PostgresBinaries.unpack(archive, cache);
        assertThat(third.tool("pg_ctl")).isExecutable();
        assertThat(cache).isDirectoryNotContaining("glob:**.partial");
    }
}
