package dev.stepwise.postgres.statement;

import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Names as PostgreSQL reads them back: quoted where it would read them otherwise, derived ones never cut. */
class PostgresIdentifiersTest {

    @Test
    void everyKeywordPostgresRefusesAsABareName_isQuoted() {
        TestDatabase db = TestPostgres.server().newDatabase();
        // R: reserved; T: allowed only as a type or function name, so not as a table, column or constraint
        List<String> keywords = db.column("SELECT word FROM pg_get_keywords() WHERE catcode IN ('R', 'T') ORDER BY 1");

        assertThat(keywords).contains("system_user", "current_schema");
        assertThat(keywords).allSatisfy(word -> assertThat(PostgresIdentifiers.quote(word)).isEqualTo('"' + word + '"'));
    }

    @Test
    void awkwardNames_readBackExactly_asColumnNames() throws SQLException {
        List<String> names = List.of("plain", "Mixed", "a\"b", "it's", "two words", "ü", "名前", "system_user",
                "current_schema", "select", "x; DROP TABLE t; --", "$stepwise$", "a$b", "_", "line\nbreak");
        TestDatabase db = TestPostgres.server().newDatabase();
        List<String> read = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (" + String.join(", ", names.stream()
                    .map(n -> PostgresIdentifiers.quote(n) + " int").toList()) + ")");
            try (ResultSet rs = s.executeQuery("SELECT attname FROM pg_attribute WHERE attrelid = 't'::regclass"
                    + " AND attnum > 0 ORDER BY attnum")) {
                while (rs.next()) {
                    read.add(rs.getString(1));
                }
            }
        }

        assertThat(read).isEqualTo(names);
    }

    @Test
    void literals_readBackExactly_whateverStandardConformingStringsIs() throws SQLException {
        List<String> values = List.of("plain", "it's", "back\\slash", "x\\'); DROP TABLE t; --", "\\", "\\'", "''",
                "名前", "line\nbreak");
        TestDatabase db = TestPostgres.server().newDatabase();
        for (String setting : List.of("on", "off")) {
            List<String> read = new ArrayList<>();
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("SET standard_conforming_strings = " + setting);
                s.execute("SET escape_string_warning = off");
                for (String v : values) {
                    try (ResultSet rs = s.executeQuery("SELECT " + PostgresIdentifiers.literal(v))) {
                        rs.next();
                        read.add(rs.getString(1));
                    }
                }
            }
            assertThat(read).as("standard_conforming_strings = " + setting).isEqualTo(values);
        }
    }

    @Test
    void storedNames_areWhatPostgresKeeps_cutWhereACharacterEnds() {
        TestDatabase db = TestPostgres.server().newDatabase();
        // 62 bytes of ü, then a three-byte character the cut at 63 bytes would split
        String name = "ü".repeat(31) + "名前";
        db.execute("CREATE TABLE t (" + PostgresIdentifiers.quote(name) + " int)");

        assertThat(PostgresIdentifiers.stored(name)).isEqualTo("ü".repeat(31))
                .isEqualTo(db.value("SELECT attname FROM pg_attribute WHERE attrelid = 't'::regclass AND attnum = 1"));
        assertThat(PostgresIdentifiers.stored("orders")).isEqualTo("orders");
        // a token in a statement names what PostgreSQL keeps of it
        assertThat(QualifiedName.identifier('"' + name + '"')).isEqualTo("ü".repeat(31));
        assertThat(QualifiedName.identifier("X".repeat(70))).isEqualTo("x".repeat(63));
    }

    @Test
    void derivedNames_fitIn63Bytes_keepWholeCharacters_andStayApartWhenTheirFirst63BytesAgree() {
        String shared = "geteiltes_präfix_".repeat(3);
        String a = PostgresIdentifiers.derivedName("tabelle", shared + "a", "not_null");
        String b = PostgresIdentifiers.derivedName("tabelle", shared + "b", "not_null");
        String multibyte = PostgresIdentifiers.derivedName("名前".repeat(10), "列".repeat(10), "idx");

        assertThat(List.of(a, b, multibyte)).allSatisfy(n ->
                assertThat(n.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(63));
        assertThat(a).isNotEqualTo(b);
        assertThat(multibyte).startsWith("名前名前").matches(".*_[0-9a-f]{8}").doesNotContain("\uFFFD");
        assertThat(PostgresIdentifiers.derivedName("orders", "total", "not_null")).isEqualTo("orders_total_not_null");
    }
}
