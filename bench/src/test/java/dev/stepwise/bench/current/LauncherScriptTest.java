package dev.stepwise.bench.current;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherScriptTest {

    @Test
    void javaOptions_areTheLaunchersDefaults() throws IOException {
        LauncherScript launcher = new LauncherScript(Path.of("..").toAbsolutePath().normalize());

        assertThat(launcher.javaOptions()).contains("-XX:+UseSerialGC").allMatch(o -> o.startsWith("-"));
    }
}
