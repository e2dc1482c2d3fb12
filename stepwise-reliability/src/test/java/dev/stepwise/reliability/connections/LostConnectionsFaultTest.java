package dev.stepwise.reliability.connections;

import dev.stepwise.fault.Guarantee;
import dev.stepwise.it.ChildRun;
import dev.stepwise.reliability.history.RealisticHistory;
import dev.stepwise.reliability.support.TestFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lost-connection scenario would notice: without the read-back of an interrupted step, the
 * next run meets the INVALID index a terminated concurrent build left, and the trial fails.
 */
class LostConnectionsFaultTest {

    @TempDir
    Path dir;

    @AfterEach
    void noRunnerLeftBehind() {
        ChildRun.killLeftovers();
    }

    @Test
    void withoutTheInvalidIndexCheck_aBuildEndedHalfWayIsFound() throws Exception {
        LostConnectionTrial trial = new LostConnectionTrial(RealisticHistory.get());
        String failure;
        // the next run happens in this JVM: the check is off there
        try (AutoCloseable off = TestFaults.off(Guarantee.INVALID_INDEX_CHECK)) {
            failure = trial.terminateMidBuild(dir.resolve("faulty"), LostConnectionsTest.BUILD_B2);
        }

        assertThat(failure).isNotNull().contains("the next upgrade failed");
        assertThat(trial.terminateMidBuild(dir.resolve("kept"), LostConnectionsTest.BUILD_B2)).isNull();
    }
}
