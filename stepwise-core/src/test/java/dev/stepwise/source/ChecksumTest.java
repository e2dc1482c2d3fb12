package dev.stepwise.source;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** What changes a migration's checksum and what does not. */
class ChecksumTest {

    private static final String BASE = """
            -- revision: abc123
            -- down_revision: p2, p1
            -- message: add users email

            -- +up
            -- Adds the column.
            ALTER TABLE users ADD COLUMN email varchar(255) DEFAULT 'a b';
            -- stepwise:allow require-concurrent-index small table
            -- stepwise:batch size=100
            UPDATE users SET email = 'x';

            -- +down
            ALTER TABLE users DROP COLUMN email;
            """;

    @TempDir
    Path dir;

    private String checksumOf(String text) {
        return new MigrationFiles(dir).parse(text).checksum();
    }

    @Test
    void checksum_isVersionedSha256() {
        assertThat(checksumOf(BASE)).matches("v1:[0-9a-f]{64}");
        assertThat(Checksum.versionOf(checksumOf(BASE))).isEqualTo(Checksum.VERSION);
    }

    static Stream<Arguments> cosmeticEdits() {
        return Stream.of(
                arguments("a comment edited", BASE.replace("Adds the column.", "Adds the email column.")),
                arguments("a comment added between statements", BASE.replace("-- +down", "-- done\n-- +down")),
                arguments("whitespace inside a statement", BASE.replace("ADD COLUMN email", "ADD   COLUMN\n    email")),
                arguments("a block comment inside a statement", BASE.replace("ADD COLUMN", "ADD /* why */ COLUMN")),
                arguments("blank lines", BASE.replace("\n\n", "\n\n\n\n")),
                arguments("CRLF line endings", BASE.replace("\n", "\r\n")),
                arguments("a BOM", "\uFEFF" + BASE),
                arguments("the message", BASE.replace("add users email", "add the email column")),
                arguments("an allow's reason", BASE.replace("small table", "the table has 20 rows")),
                arguments("an allow added", BASE.replace("-- +down\n", "-- +down\n-- stepwise:allow some-rule ok\n")),
                arguments("an allow removed", BASE.replace("-- stepwise:allow require-concurrent-index small table\n", "")),
                arguments("explicit default phase", BASE.replace("-- message:", "-- phase: expand\n-- message:")),
                arguments("explicit default transaction", BASE.replace("-- message:", "-- transaction: auto\n-- message:")),
                arguments("explicit default reversible", BASE.replace("-- message:", "-- reversible: yes\n-- message:")),
                arguments("parents in another order", BASE.replace("p2, p1", "p1,p2")),
                arguments("a branch label", BASE.replace("-- message:", "-- branch_labels: core\n-- message:")),
                arguments("the last semicolon", BASE.replace("DROP COLUMN email;", "DROP COLUMN email")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cosmeticEdits")
    void cosmeticEdit_keepsTheChecksum(String edit, String edited) {
        assertThat(checksumOf(edited)).isEqualTo(checksumOf(BASE));
    }

    static Stream<Arguments> behaviourChanges() {
        return Stream.of(
                arguments("a statement", BASE.replace("DROP COLUMN email", "DROP COLUMN IF EXISTS email")),
                arguments("a literal", BASE.replace("'x'", "'y'")),
                arguments("whitespace inside a literal", BASE.replace("'a b'", "'a  b'")),
                arguments("a keyword's case", BASE.replace("DROP COLUMN", "drop column")),
                arguments("a statement split in two", BASE.replace("UPDATE users SET email = 'x';",
                        "UPDATE users SET email = 'x'; SELECT 1;")),
                arguments("a directive's value", BASE.replace("size=100", "size=200")),
                arguments("a directive added", BASE.replace("-- +down\n", "-- +down\n-- stepwise:batch size=5\n")),
                arguments("a statement moved to the other section", BASE.replace("-- +down\n", "")
                        .replace("-- Adds the column.", "-- +down")),
                arguments("down_revision", BASE.replace("p2, p1", "p2")),
                arguments("depends_on", BASE.replace("-- message:", "-- depends_on: d1\n-- message:")),
                arguments("transaction", BASE.replace("-- message:", "-- transaction: none\n-- message:")),
                arguments("phase", BASE.replace("-- message:", "-- phase: contract\n-- message:")),
                arguments("expands", BASE.replace("-- message:", "-- phase: contract\n-- expands: p1\n-- message:")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("behaviourChanges")
    void behaviourChange_changesTheChecksum(String change, String changed) {
        assertThat(checksumOf(changed)).isNotEqualTo(checksumOf(BASE));
    }

    @Property(tries = 100)
    void anyLayoutOfTheSameTokens_hasTheSameChecksum(@ForAll @IntRange(min = 0, max = 1_000_000) int seed)
            throws IOException {
        Random random = new Random(seed);
        String[] tokens = {"UPDATE", "users", "SET", "email", "=", "lower", "(", "email", ")", "WHERE", "id", ">", "10"};
        StringBuilder statement = new StringBuilder();
        String[] layouts = {" ", "  ", "\n", "\n\t", " /* c */ ", " -- note\n", "\r\n  "};
        for (String token : tokens) {
            statement.append(token).append(layouts[random.nextInt(layouts.length)]);
        }
        Path tempDir = Files.createTempDirectory("checksum");
        try {
            MigrationFiles files = new MigrationFiles(tempDir);
            String plain = files.parse(BASE.replace("UPDATE users SET email = 'x'",
                    String.join(" ", tokens))).checksum();
            String laidOut = files.parse(BASE.replace("UPDATE users SET email = 'x'", statement)).checksum();

            assertThat(laidOut).isEqualTo(plain);
        } finally {
            try (Stream<Path> files = Files.walk(tempDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
