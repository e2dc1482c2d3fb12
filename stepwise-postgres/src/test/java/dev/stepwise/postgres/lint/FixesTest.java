package dev.stepwise.postgres.lint;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FixesTest {

    @Test
    void aShortDerivedNameIsKeptAsItIs() {
        assertThat(Fixes.name("users", "email", "not_null")).isEqualTo("users_email_not_null");
    }

    @Test
    void longDerivedNamesAreShortenedWithAHash_soTheyStayDistinctWithin63Bytes() {
        String table = "a_table_with_a_name_long_enough_to_need_shortening";
        String first = Fixes.name(table, "customer_reference_one", "not_null");
        String second = Fixes.name(table, "customer_reference_two", "not_null");

        assertThat(first).isNotEqualTo(second);
        assertThat(first.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        assertThat(first).startsWith("a_table_with_a_name_long_enough").matches(".*_[0-9a-f]{8}");
    }

    @Test
    void shorteningCountsBytesAndKeepsWholeCharacters() {
        String name = Fixes.name("tabelle_größenangaben_für_bestellungen", "überprüfungsstatus_der_lieferung", "check");
        assertThat(name.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        assertThat(name).doesNotContain("\uFFFD");
    }

    @Test
    void aConstraintNameGoesBeforeTheAddThatIsSql_andIsInsertedAsItIs() {
        assertThat(Fixes.nameConstraint("ALTER TABLE \"ADD CHECK\" ADD CHECK (n > 0)", "CHECK", "a$1\\b$$"))
                .isEqualTo("ALTER TABLE \"ADD CHECK\" ADD CONSTRAINT \"a$1\\b$$\" CHECK (n > 0)");
        assertThat(Fixes.nameConstraint("ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES p (id)", "FOREIGN\\s+KEY",
                "t_a_fkey")).isEqualTo("ALTER TABLE t ADD CONSTRAINT t_a_fkey FOREIGN KEY (a) REFERENCES p (id)");
        assertThat(Fixes.nameConstraint("ALTER TABLE \"x ADD CHECK\" VALIDATE CONSTRAINT c", "CHECK", "k")).isNull();
    }

    @Test
    void identifiersAreQuotedOnlyWhenPostgresWouldNotReadThemBackUnchanged() {
        assertThat(Fixes.quote("orders")).isEqualTo("orders");
        assertThat(Fixes.quote("Orders")).isEqualTo("\"Orders\"");
        assertThat(Fixes.quote("user")).isEqualTo("\"user\"");
        assertThat(Fixes.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        // reserved only where a column name would go: CREATE INDEX ... (left) is a syntax error
        assertThat(Fixes.quote("left")).isEqualTo("\"left\"");
        assertThat(Fixes.quote("verbose")).isEqualTo("\"verbose\"");
    }
}
