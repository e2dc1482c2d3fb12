package dev.stepwise.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens are the checksum's input: layout and comments outside literals never change them, text
 * inside literals and bodies always does.
 */
class StatementTokensTest {

    private static final String SCRIPT = """
            -- make the table
            CREATE TABLE t (
                id int, /* key */
                note text DEFAULT 'a
            b'
            );
            CREATE FUNCTION f() RETURNS int AS $$
              SELECT 1;
            $$ LANGUAGE sql;
            """;

    private static List<List<String>> tokensOf(String script) {
        return StatementSplitter.statements(script).stream().map(ScriptItem.Statement::tokens).toList();
    }

    @Test
    void tokens_areWrittenTextWithoutWhitespaceOrComments() {
        assertThat(tokensOf(SCRIPT).get(0)).containsExactly(
                "CREATE", "TABLE", "t", "(", "id", "int", ",", "note", "text", "DEFAULT", "'a\nb'", ")");
    }

    @Test
    void crlfAndLoneCrLineEndings_giveTheSameTokensAndTextAsLf() {
        assertThat(tokensOf(SCRIPT.replace("\n", "\r\n"))).isEqualTo(tokensOf(SCRIPT));
        assertThat(tokensOf(SCRIPT.replace("\n", "\r"))).isEqualTo(tokensOf(SCRIPT));
        assertThat(StatementSplitter.statements(SCRIPT.replace("\n", "\r\n")))
                .isEqualTo(StatementSplitter.statements(SCRIPT));
    }

    @Test
    void leadingByteOrderMark_isDropped() {
        assertThat(StatementSplitter.statements("\uFEFF" + SCRIPT)).isEqualTo(StatementSplitter.statements(SCRIPT));
    }

    @Test
    void changedCommentsAndWhitespace_giveTheSameTokens() {
        String edited = SCRIPT.replace("make the table", "create it")
                .replace("/* key */", "/* primary /* nested */ key */")
                .replace("    id int,", "id\tint ,\n\n");

        assertThat(tokensOf(edited)).isEqualTo(tokensOf(SCRIPT));
    }

    @Test
    void changedStringLiteral_givesDifferentTokens() {
        assertThat(tokensOf(SCRIPT.replace("'a\nb'", "'a\n b'"))).isNotEqualTo(tokensOf(SCRIPT));
    }

    @Test
    void changedDollarBody_evenOnlyItsWhitespace_givesDifferentTokens() {
        assertThat(tokensOf(SCRIPT.replace("  SELECT 1;", "SELECT 1;"))).isNotEqualTo(tokensOf(SCRIPT));
    }

    @Test
    void changedQuotedIdentifier_givesDifferentTokens() {
        assertThat(tokensOf("SELECT 1 AS \"Total\"")).isNotEqualTo(tokensOf("SELECT 1 AS \"total\""));
    }
}
