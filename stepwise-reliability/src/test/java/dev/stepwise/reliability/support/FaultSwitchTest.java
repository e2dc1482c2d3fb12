package dev.stepwise.reliability.support;

import dev.stepwise.fault.Faults;
import dev.stepwise.fault.Guarantee;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/** The fault switch exists on this suite's test class path only, and turns off exactly what it is asked to. */
class FaultSwitchTest {

    @Test
    void everyGuaranteeIsKeptUntilATestTurnsItOff() throws Exception {
        for (Guarantee g : Guarantee.values()) {
            assertThat(Faults.kept(g)).as(g.name()).isTrue();
        }
        try (AutoCloseable off = TestFaults.off(Guarantee.RUN_LOCK)) {
            assertThat(Faults.kept(Guarantee.RUN_LOCK)).isFalse();
            assertThat(Faults.kept(Guarantee.STEP_RECORD)).isTrue();
        }
        assertThat(Faults.kept(Guarantee.RUN_LOCK)).isTrue();
    }

    @Test
    void theCommandsJarHasNoSwitch_soNoFlagVariableOrSettingCanReachOne() throws Exception {
        Path jar = Path.of("..", "stepwise-cli", "target", "stepwise.jar");
        assertThat(jar).as("the CLI's jar, packaged earlier in the same build").exists();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName))
                    .anyMatch(n -> n.startsWith("dev/stepwise/fault/"))
                    .noneMatch(n -> n.equals("META-INF/services/" + Faults.Switch.class.getName()))
                    .noneMatch(n -> n.contains("TestFaults") || n.contains("TestRunEvents"));
        }
    }

    @Test
    void noStepwiseArtifactShipsASwitch() throws Exception {
        List<URL> switches = Collections.list(getClass().getClassLoader()
                .getResources("META-INF/services/" + Faults.Switch.class.getName()));
        assertThat(switches).singleElement().satisfies(url ->
                assertThat(url.toString()).contains("stepwise-reliability").contains("test-classes"));
    }
}
