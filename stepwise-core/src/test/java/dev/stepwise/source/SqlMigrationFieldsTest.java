package dev.stepwise.source;

import dev.stepwise.sql.Directive;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SqlMigration} keeps its header, path and checksum in a compact form of its own: what it
 * gives back is exactly what it was given.
 */
class SqlMigrationFieldsTest {

    private static final byte[] DIGEST = HexFormat.of()
            .parseHex("00ff7f80fedcba98765432100123456789abcdef0f1e2d3c4b5a69788796a5b4");
    private static final SqlMigration.Sections SECTIONS = new SqlMigration.Sections(3, 1, true);

    private static MigrationHeader plainHeader(String message) {
        return new MigrationHeader("a1", List.of("z9"), message, Phase.EXPAND, Set.of(), List.of(),
                TransactionMode.AUTO, Reversibility.YES, null);
    }

    @Test
    void theHeader_comesBackEqual_withEveryValueSet() {
        MigrationHeader header = new MigrationHeader("c3", List.of("a1", "b2"), "drop the old column, für immer",
                Phase.CONTRACT, Set.of("core", "billing"), List.of("x7"), TransactionMode.NONE,
                Reversibility.LOSSY, "b2");
        List<Directive> directives = List.of(new Directive("allow", Map.of(), List.of("some-rule"), 1));

        SqlMigration m = new SqlMigration(Path.of("migrations/20260101000000_c3.sql"), header, DIGEST, directives,
                SECTIONS);

        assertThat(m.header()).isEqualTo(header);
        assertThat(m.id()).isEqualTo("c3");
        assertThat(m.parents()).containsExactly("a1", "b2");
        assertThat(m.dependsOn()).containsExactly("x7");
        assertThat(m.branchLabels()).containsExactlyInAnyOrder("core", "billing");
        assertThat(m.migrationDirectives()).isEqualTo(directives);
        assertThat(m.sections()).isEqualTo(SECTIONS);
        assertThat(m.usesBatch()).isTrue();
        assertThat(m.statementCount(Direction.UP)).isEqualTo(3);
    }

    @Test
    void theHeaderOfAPlainMigration_comesBackEqual_andAnEmptyMessageStaysEmpty() {
        SqlMigration m = new SqlMigration(Path.of("m/20260101000000_a1.sql"), plainHeader(""), DIGEST, List.of(),
                SECTIONS);

        assertThat(m.header()).isEqualTo(plainHeader(""));
        assertThat(m.header().message()).isEmpty();
    }

    @Test
    void theOriginIsThePathAsText_forAbsoluteRelativeBareAndUnicodePaths() {
        for (String path : List.of("/srv/app/db/migrations/20260101000000_a1_users.sql", "migrations/x.sql",
                "20260101000000_a1.sql", "/x.sql", "/srv/Schéma ünd Daten/20260101000000_a1_tables_ü.sql")) {
            Path file = Path.of(path);
            SqlMigration m = new SqlMigration(file, plainHeader("users ✓"), DIGEST, List.of(), SECTIONS);

            assertThat(m.origin()).as(path).isEqualTo(file.toString());
            assertThat(m.file()).as(path).isEqualTo(file);
            assertThat(m.fileName()).as(path).isEqualTo(file.getFileName().toString());
            assertThat(m.header().message()).as(path).isEqualTo("users ✓");
        }
    }

    @Test
    void theChecksum_comesBackFromTheDigestWords_byteForByte() {
        SqlMigration m = new SqlMigration(Path.of("m/1_a.sql"), plainHeader("a"), DIGEST, List.of(), SECTIONS);

        assertThat(m.digest()).isEqualTo(DIGEST);
        assertThat(m.checksum()).isEqualTo(Checksum.text(DIGEST))
                .isEqualTo("v1:00ff7f80fedcba98765432100123456789abcdef0f1e2d3c4b5a69788796a5b4");
    }

    @Test
    void aDigestOfAnotherLength_isRefused() {
        assertThatThrownBy(() -> new SqlMigration(Path.of("m/1_a.sql"), plainHeader("a"), new byte[20], List.of(),
                SECTIONS)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes, not 20");
    }

    @Test
    void theMigrationIsItsOwnRevision() {
        SqlMigration m = new SqlMigration(Path.of("m/1_a.sql"), plainHeader("a"), DIGEST, List.of(), SECTIONS);

        assertThat(m.revision()).isEqualTo("a1");
        assertThat(m.isRoot()).isFalse();
        assertThat(m.isMerge()).isFalse();
    }
}
