package dev.stepwise.postgres.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PostmasterPidFileTest {

    @TempDir
    Path data;

    @Test
    void readyServer_givesPidPortAndStatus() throws Exception {
        Files.writeString(data.resolve("postmaster.pid"), """
                4705
                /tmp/pgx/data
                1795550016
                54999

                127.0.0.1
                  2147668         5
                ready   
                """);

        assertThat(PostmasterPidFile.read(data)).contains(new PostmasterPidFile(4705, 54999, "ready"));
    }

    @Test
    void fileBeingWritten_isNotReadYet() throws Exception {
        Files.writeString(data.resolve("postmaster.pid"), "");

        assertThat(PostmasterPidFile.read(data)).isEmpty();
    }

    @Test
    void fileWithoutStatus_isNeitherReadyNorStopping() throws Exception {
        Files.writeString(data.resolve("postmaster.pid"), "4705\n/tmp/pgx/data\n1795550016\n54999\n");

        assertThat(PostmasterPidFile.read(data)).hasValueSatisfying(file -> {
            assertThat(file.ready()).isFalse();
            assertThat(file.stopping()).isFalse();
        });
    }

    @Test
    void noFile_meansNoServer() {
        assertThat(PostmasterPidFile.read(data)).isEmpty();
    }
}
