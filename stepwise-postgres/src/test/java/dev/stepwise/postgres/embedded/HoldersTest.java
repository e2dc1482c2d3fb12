package dev.stepwise.postgres.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HoldersTest {

    @TempDir
    Path directory;

    @Test
    void addedHolder_isLive_untilRemoved() {
        Holders holders = new Holders(directory);
        Path entry = holders.add();

        assertThat(holders.pruneDead()).containsExactly(entry);

        holders.remove(entry);
        assertThat(holders.pruneDead()).isEmpty();
    }

    @Test
    void holderOfAProcessThatIsGone_isDropped() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path entry = directory.resolve(gone.pid() + "-1");
        Files.writeString(entry, "");

        assertThat(new Holders(directory).pruneDead()).isEmpty();
        assertThat(entry).doesNotExist();
    }

    @Test
    void holderWhosePidNowBelongsToALaterProcess_isDropped() throws Exception {
        Path entry = directory.resolve(ProcessHandle.current().pid() + "-1");
        Files.writeString(entry, "1000");

        assertThat(new Holders(directory).pruneDead()).isEmpty();
    }

    @Test
    void holderWhoseStartAnotherProcessSeesASecondOff_isLive() throws Exception {
        // what another JVM records for this process when it read the boot time a second apart
        long seenElsewhere = ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli() - 1_000;
        Path entry = directory.resolve(ProcessHandle.current().pid() + "-1");
        Files.writeString(entry, Long.toString(seenElsewhere));

        assertThat(new Holders(directory).pruneDead()).containsExactly(entry);
    }

    @Test
    void entryThatIsNotAHolder_isDropped() throws Exception {
        Files.writeString(directory.resolve("notes.txt"), "");

        assertThat(new Holders(directory).pruneDead()).isEmpty();
    }
}
