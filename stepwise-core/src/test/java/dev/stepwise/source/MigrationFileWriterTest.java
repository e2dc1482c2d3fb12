package dev.stepwise.source;

import dev.stepwise.StepwiseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writing the file of a new migration. */
class MigrationFileWriterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T09:30:00Z"), ZoneOffset.UTC);
    private final MigrationFileWriter writer = new MigrationFileWriter(CLOCK);

    @TempDir
    Path dir;

    private static MigrationHeader header(String revision, List<String> down, String message) {
        return new MigrationHeader(revision, down, message, Phase.EXPAND, Set.of(), List.of(),
                TransactionMode.AUTO, Reversibility.YES, null);
    }

    @Test
    void newMigration_isHeaderThenEmptySections() {
        assertThat(writer.render(header("7c1e2a9b4f01", List.of("3a9d0c0e11aa"), "add users email"))).isEqualTo("""
                -- revision: 7c1e2a9b4f01
                -- down_revision: 3a9d0c0e11aa
                -- message: add users email

                -- +up


                -- +down
                """);
    }

    @Test
    void specialKeys_areWrittenInKeyOrder_defaultsLeftOut() {
        MigrationHeader merge = new MigrationHeader("m1", List.of("a1", "b2"), "", Phase.CONTRACT, Set.of("core"),
                List.of("d1"), TransactionMode.NONE, Reversibility.LOSSY, "a1");

        assertThat(writer.render(merge)).startsWith("""
                -- revision: m1
                -- down_revision: a1, b2
                -- message:
                -- phase: contract
                -- branch_labels: core
                -- depends_on: d1
                -- transaction: none
                -- reversible: lossy
                -- expands: a1

                """);
    }

    @Test
    void written_file_isNamedFromTheClock_withLfEndings() throws IOException {
        Path file = writer.write(dir, header("7c1e2a9b4f01", List.of(), "Add users"));

        assertThat(file.getFileName().toString()).isEqualTo("20240501093000_7c1e2a9b4f01_add_users.sql");
        assertThat(Files.readString(file)).doesNotContain("\r").startsWith("-- revision: 7c1e2a9b4f01\n-- down_revision: none\n");
        assertThat(new MigrationFileParser().parse(file).header()).isEqualTo(header("7c1e2a9b4f01", List.of(), "Add users"));
    }

    @Test
    void existingFile_isNeverOverwritten() {
        writer.write(dir, header("abc", List.of(), "x"));

        assertThatThrownBy(() -> writer.write(dir, header("abc", List.of(), "x")))
                .isInstanceOf(MigrationFileException.class)
                .hasMessageContaining("already exists");
    }

    @Test
    void headerBreakingTheFormat_isRefused() {
        assertThatThrownBy(() -> writer.render(header("head", List.of(), "x")))
                .isInstanceOf(StepwiseException.class)
                .hasMessageContaining("cannot write migration `head`")
                .hasMessageContaining("reserved word");
    }

    @Test
    void multiLineMessage_isWrittenOnOneLine() {
        assertThat(writer.render(header("abc", List.of(), "first\nsecond"))).contains("-- message: first second\n");
    }

    @Property(tries = 200)
    void writtenFile_readsBackAsTheSameHeader(@ForAll("headers") MigrationHeader header) throws IOException {
        Path tempDir = Files.createTempDirectory("writer");
        try {
            Path file = writer.write(tempDir, header);

            assertThat(new MigrationFileParser().parse(file).header()).isEqualTo(header);
        } finally {
            try (Stream<Path> files = Files.walk(tempDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Provide
    Arbitrary<MigrationHeader> headers() {
        Arbitrary<String> ids = Arbitraries.strings().withChars("abcdef0123456789_").ofMinLength(1).ofMaxLength(12)
                .filter(id -> !Set.of("none", "base", "head", "heads").contains(id) && !id.startsWith("r"));
        Arbitrary<String> messages = Arbitraries.strings().alpha().numeric().withChars(" .,'-é").ofMaxLength(60)
                .map(String::strip);
        Arbitrary<Phase> phases = Arbitraries.of(Phase.class);
        return Combinators.combine(ids.list().ofMaxSize(3).uniqueElements(), messages, phases,
                        Arbitraries.of("core", "billing-v2").set().ofMaxSize(2), ids.list().ofMaxSize(2).uniqueElements(),
                        Arbitraries.of(TransactionMode.class), Arbitraries.of(Reversibility.class), ids)
                .as((parents, message, phase, labels, dependsOn, transaction, reversible, expands) ->
                        new MigrationHeader("r" + String.join("", parents) + "x", parents, message, phase, labels,
                                dependsOn, transaction, reversible, phase == Phase.CONTRACT ? expands : null));
    }
}
