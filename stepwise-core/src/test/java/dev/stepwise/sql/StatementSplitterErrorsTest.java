package dev.stepwise.sql;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the splitter refuses, and that it says where. */
class StatementSplitterErrorsTest {

    private static void split(String script) {
        new StatementSplitter(new StringReader(script), text -> text.startsWith(" +"))
                .forEachRemaining(item -> { });
    }

    @Test
    void psqlMetaCommand_isRejectedByName() {
        assertThatThrownBy(() -> split("SELECT 1;\n\\connect other\nSELECT 2;"))
                .isInstanceOfSatisfying(SqlScriptException.class, e -> {
                    assertThatLineAndColumn(e, 2, 1);
                })
                .hasMessageContaining("psql meta-command \\connect is not supported in migration files");
    }

    @Test
    void psqlMetaCommandAfterAStatement_isRejected() {
        assertThatThrownBy(() -> split("SELECT 1 \\gset"))
                .hasMessageContaining("psql meta-command \\gset is not supported");
    }

    @Test
    void copyFromStdin_isRejected() {
        assertThatThrownBy(() -> split("SELECT 1;\n  COPY t (a) FROM stdin;\n1\n\\.\n"))
                .isInstanceOfSatisfying(SqlScriptException.class, e -> assertThatLineAndColumn(e, 2, 3))
                .hasMessageContaining("COPY ... FROM stdin is not supported");
    }

    @Test
    void unterminatedString_isReportedWhereItStarts() {
        assertThatThrownBy(() -> split("SELECT 1;\nSELECT 'abc;\n\n"))
                .isInstanceOfSatisfying(SqlScriptException.class, e -> assertThatLineAndColumn(e, 2, 8))
                .hasMessageContaining("unterminated quoted string");
    }

    @Test
    void unterminatedEStringEndingInBackslash_isReportedWhereItStarts() {
        assertThatThrownBy(() -> split("SELECT E'abc\\"))
                .isInstanceOfSatisfying(SqlScriptException.class, e -> assertThatLineAndColumn(e, 1, 8))
                .hasMessageContaining("unterminated quoted string");
    }

    @Test
    void unterminatedQuotedIdentifier_isReportedWhereItStarts() {
        assertThatThrownBy(() -> split("SELECT 1 AS \"x;"))
                .isInstanceOfSatisfying(SqlScriptException.class, e -> assertThatLineAndColumn(e, 1, 13))
                .hasMessageContaining("unterminated quoted identifier");
    }

    @Test
    void unterminatedDollarBody_isReportedWhereItStarts() {
        assertThatThrownBy(() -> split("SELECT $body$ x; $other$;"))
                .isInstanceOfSatisfying(SqlScriptException.class, e -> assertThatLineAndColumn(e, 1, 8))
                .hasMessageContaining("unterminated dollar-quoted body: no closing $body$");
    }

    @Test
    void unterminatedNestedBlockComment_isReportedWhereItStarts() {
        assertThatThrownBy(() -> split("SELECT 1;\n /* a /* b */ still open"))
                .isInstanceOfSatisfying(SqlScriptException.class, e -> assertThatLineAndColumn(e, 2, 2))
                .hasMessageContaining("unterminated /* comment");
    }

    @Test
    void controlCommentInsideADollarBody_isRejectedWhereTheCommentIs() {
        assertThatThrownBy(() -> split("CREATE FUNCTION f() RETURNS int AS $$\nSELECT 1;\n  -- +down\n$$"))
                .isInstanceOfSatisfying(SqlScriptException.class, e -> assertThatLineAndColumn(e, 3, 3))
                .hasMessageContaining("directive or section marker inside a quoted body")
                .hasMessageContaining("starts at line 1, column 36");
    }

    @Test
    void controlCommentInsideAString_isRejected() {
        assertThatThrownBy(() -> split("SELECT 'a\n-- +up\n'"))
                .hasMessageContaining("directive or section marker inside a quoted body");
    }

    @Test
    void controlCommentInsideAQuotedIdentifier_isRejected() {
        assertThatThrownBy(() -> split("SELECT 1 AS \"a\n-- +up\n\""))
                .hasMessageContaining("directive or section marker inside a quoted body");
    }

    private static void assertThatLineAndColumn(SqlScriptException e, int line, int column) {
        org.assertj.core.api.Assertions.assertThat(e.line()).as("line").isEqualTo(line);
        org.assertj.core.api.Assertions.assertThat(e.column()).as("column").isEqualTo(column);
    }
}
