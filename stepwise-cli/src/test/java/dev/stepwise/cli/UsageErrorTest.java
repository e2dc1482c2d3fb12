package dev.stepwise.cli;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A command line that does not parse is exit 2 and one line, and never repeats a password written on it. */
class UsageErrorTest {

    private static final String SECRET = "hunter2-secret";

    @Test
    void misspeltPasswordOption_namesTheOption_butNotItsValue() {
        CliRun spaced = CliRun.of(Map.of(), "status", "--pasword", SECRET);
        CliRun joined = CliRun.of(Map.of(), "status", "--pasword=" + SECRET);

        assertThat(spaced.exitCode()).isEqualTo(2);
        assertThat(spaced.err()).contains("'--pasword'").contains("--password").doesNotContain("hunter2");
        assertThat(joined.exitCode()).isEqualTo(2);
        assertThat(joined.err()).contains("'--pasword=***'").doesNotContain("hunter2");
    }

    @Test
    void urlGivenWithoutTheUrlOption_isNotRepeated() {
        CliRun run = CliRun.of(Map.of(), "status", "--user", "app", "postgresql://app:" + SECRET + "@db/shop");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unmatched argument").doesNotContain("hunter2");
    }

    @Test
    void unknownCommand_isStillNamed() {
        CliRun run = CliRun.of(Map.of(), "statsu");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown command 'statsu'");
    }
}
