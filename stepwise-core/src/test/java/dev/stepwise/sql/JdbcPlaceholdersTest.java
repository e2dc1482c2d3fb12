package dev.stepwise.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcPlaceholdersTest {

    @Test
    void questionMarks_areNumberedInOrder() {
        assertThat(JdbcPlaceholders.numbered("UPDATE orders SET note = ? WHERE id = ?"))
                .isEqualTo("UPDATE orders SET note = $1 WHERE id = $2");
    }

    @Test
    void aPlaceholderJoinedToAnOperator_isStillOne() {
        assertThat(JdbcPlaceholders.numbered("SELECT 1 WHERE id=? AND n<>?")).isEqualTo("SELECT 1 WHERE id= $1 AND n<> $2");
    }

    @Test
    void aPlaceholderInsideARunOfOperatorCharacters_standsApartFromThem() {
        assertThat(JdbcPlaceholders.numbered("SELECT ?||'x'")).isEqualTo("SELECT $1 ||'x'");
    }

    @Test
    void doubledQuestionMark_isTheOperator() {
        assertThat(JdbcPlaceholders.numbered("SELECT 1 FROM t WHERE doc ?? 'k' AND id = ?"))
                .isEqualTo("SELECT 1 FROM t WHERE doc ? 'k' AND id = $1");
    }

    @Test
    void questionMarksInLiteralsIdentifiersAndComments_areLeftAlone() {
        String sql = "SELECT '?', \"a?\", $$?$$ /* ? */ FROM t -- ?\nWHERE id = ?";
        assertThat(JdbcPlaceholders.numbered(sql)).isEqualTo("SELECT '?', \"a?\", $$?$$ /* ? */ FROM t -- ?\nWHERE id = $1");
    }

    @Test
    void bound_fillsPlaceholdersWithValues_butNotAQuestionMarkInAQuotedName() {
        assertThat(JdbcPlaceholders.bound("INSERT INTO \"s?\".\"v?\" (revision) VALUES (?)", java.util.List.of("'a?'")))
                .isEqualTo("INSERT INTO \"s?\".\"v?\" (revision) VALUES ('a?')");
        assertThat(JdbcPlaceholders.bound("DELETE FROM v WHERE revision=?", java.util.List.of("'x'")))
                .isEqualTo("DELETE FROM v WHERE revision= 'x'");
    }

    @Test
    void numberedParameters_leaveTheStatementAsWritten() {
        String sql = "SELECT * FROM t WHERE doc ? 'k' AND id = $1";
        assertThat(JdbcPlaceholders.numbered(sql)).isSameAs(sql);
    }
}
