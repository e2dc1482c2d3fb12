package dev.stepwise.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BenchSettingsTest {

    @Test
    void theFullRun_writesTheCommittedFileNames() {
        BenchSettings full = settings(1000, false);

        assertThat(full.resultFile("migrate")).isEqualTo("migrate-1000.md");
        assertThat(full.resultFile("status")).isEqualTo("status-1000.md");
        assertThat(full.resultFile("current")).isEqualTo("current.md");
        assertThat(full.resultFile("lint")).isEqualTo("lint-1000.md");
    }

    @Test
    void quickOrFsyncRuns_neverOverwriteTheFullRunsFiles() {
        assertThat(settings(200, false).resultFile("current")).isEqualTo("current-200.md");
        assertThat(settings(1000, true).resultFile("migrate")).isEqualTo("migrate-1000-fsync.md");
        assertThat(settings(1000, true).resultFile("current")).isEqualTo("current-fsync.md");
        assertThat(settings(200, false).resultFile("lint")).isEqualTo("lint-200.md");
    }

    @Test
    void theExpandBenchmark_isNamedAfterItsTableSize() {
        assertThat(settings(1000, false).expandResultFile()).isEqualTo("expand-1000000.md");
        assertThat(settings(1000, true).expandResultFile()).isEqualTo("expand-1000000-fsync.md");
    }

    @Test
    void theDiffBenchmark_isNamedAfterItsTableCount() {
        assertThat(settings(1000, false).diffResultFile()).isEqualTo("diff-2000.md");
        assertThat(settings(1000, true).diffResultFile()).isEqualTo("diff-2000-fsync.md");
    }

    @Test
    void theExpandLoad_needsARate() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new BenchSettings.Expand(1000, 1, 4, 0, "25ms", "2s"))
                .hasMessageContaining("bench.expandRate must be a rate");
    }

    private static BenchSettings settings(int migrations, boolean fsync) {
        Path here = Path.of(".");
        return new BenchSettings(migrations, 5, 100, 5, 5, 5, fsync, Set.of("migrate"), here, here, here, here,
                new BenchSettings.Backfill(1_000_000, 3, 4, java.util.List.of(250, 0), "size=auto"),
                new BenchSettings.Expand(1_000_000, 5, 4, 250, "25ms", "2s"), "",
                new BenchSettings.Diff(2000, 5), new BenchSettings.Stairway(200, 5));
    }
}
