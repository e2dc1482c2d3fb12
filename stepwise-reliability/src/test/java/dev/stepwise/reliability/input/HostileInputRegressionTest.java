package dev.stepwise.reliability.input;

import dev.stepwise.it.Cli;
import dev.stepwise.it.CliRun;
import dev.stepwise.it.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mutants the hostile-input scenario found mishandled, kept as they were found (under
 * {@code regressions/<case>/} of the test resources, by their seed in the javadoc of each case),
 * or rebuilt by hand where the run that found the fault kept no file; each is now refused with
 * exit 2 at a line the file has. Before the fixes, all four were refused at "line 0" or with the
 * file's control characters printed raw.
 */
class HostileInputRegressionTest {

    private static final String CREATE_USERS = "20261101090000_3f1c2a9b7d10_create_users_and_orders.sql";
    private static final String ADD_EMAIL = "20261108090000_8b2e4d6f1a23_add_users_email.sql";
    private static final String INDEX_EMAIL = "20261122090000_e1a2b3c4d5e6_index_users_email.sql";

    @TempDir
    Path project;

    /** Mutant seed 4441626756884109481: one byte 0xFE after the last line; was "is not valid UTF-8" at no line. */
    @Test
    void invalidUtf8OnTheLastLine_isRefusedAtThatLine() throws IOException {
        MigrationReading.Refused refused = refused(CREATE_USERS, kept("invalid-utf8-on-the-last-line", CREATE_USERS));

        assertThat(refused.error().line()).isEqualTo(26);
        assertThat(refused.error().getMessage()).contains(CREATE_USERS + ":26: is not valid UTF-8")
                .contains("column 1");
    }

    /** Mutant seed 5936846637706806527: cut to 0 bytes; was "has no header" at no line. */
    @Test
    void fileTruncatedToNothing_isRefusedAtLine1() throws IOException {
        MigrationReading.Refused refused = refused(CREATE_USERS, kept("truncated-to-nothing", CREATE_USERS));

        assertThat(refused.error().line()).isEqualTo(1);
        assertThat(refused.error().getMessage()).contains(CREATE_USERS + ":1: has no header");
    }

    /** Rebuilt: a file cut after its header lines; was "has no `-- +up` section" at no line. */
    @Test
    void fileTruncatedAfterItsHeader_isRefusedWhereItEnds() throws IOException {
        String header = "-- revision: 8b2e4d6f1a23\n-- down_revision: 3f1c2a9b7d10\n-- message: add users email\n";
        assertThat(new String(corpus(ADD_EMAIL), StandardCharsets.UTF_8)).startsWith(header);

        MigrationReading.Refused refused = refused(ADD_EMAIL, header.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.error().line()).isEqualTo(3);
        assertThat(refused.error().getMessage()).contains(ADD_EMAIL + ":3: has no `-- +up` section");
    }

    /**
     * Rebuilt from the one the reduced run with seed 7 found at 3,000 mutants: control bytes in
     * the {@code down_revision} value, echoed raw by the error. Here an ANSI "erase line".
     */
    @Test
    void escapeSequenceInAHeaderValue_isShownEscaped_inTheErrorAndOnTheCommandLine() throws IOException {
        byte[] original = corpus(INDEX_EMAIL);
        String text = new String(original, StandardCharsets.UTF_8).replace("c5d7e9f0b3a4", "c5d7\u001b[2Ke9f0b3a4");

        MigrationReading.Refused refused = refused(INDEX_EMAIL, text.getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(project.resolve("cli/migrations"));
        Files.writeString(project.resolve("cli/migrations").resolve(INDEX_EMAIL), text);
        CliRun run = Cli.withoutDatabase(Project.in(project.resolve("cli"))).run("lint", "--offline");

        assertThat(refused.error().line()).isEqualTo(2);
        assertThat(refused.error().getMessage()).contains("c5d7\\u001b[2Ke9f0b3a4").doesNotContain("\u001b");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.errorLine()).contains(INDEX_EMAIL + ":2:").doesNotContain("\u001b");
    }

    private MigrationReading.Refused refused(String name, byte[] bytes) throws IOException {
        Path directory = Files.createDirectories(project.resolve("read"));
        Files.write(directory.resolve(name), bytes);
        MigrationReading reading = MigrationReading.of(directory);
        assertThat(reading).isInstanceOf(MigrationReading.Refused.class);
        return (MigrationReading.Refused) reading;
    }

    private static byte[] kept(String regressionCase, String name) throws IOException {
        return resource("regressions/" + regressionCase + "/" + name);
    }

    private static byte[] corpus(String name) throws IOException {
        return resource("corpus/" + name);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = HostileInputRegressionTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return in.readAllBytes();
        }
    }
}
