package dev.stepwise.sql;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the splitter cuts a script, feature by feature, as psql would. */
class StatementSplitterTest {

    private static List<String> sqlOf(String script) {
        return StatementSplitter.statements(script).stream().map(ScriptItem.Statement::sql).toList();
    }

    /** All items, with {@code -- +up}-style comments as control comments. */
    private static List<ScriptItem> items(String script) {
        List<ScriptItem> items = new ArrayList<>();
        new StatementSplitter(new StringReader(script), text -> text.startsWith(" +"))
                .forEachRemaining(items::add);
        return items;
    }

    @Test
    void semicolon_endsAStatement_andIsNotPartOfIt() {
        assertThat(sqlOf("SELECT 1; SELECT 2;")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void statement_startsAtItsFirstToken() {
        ScriptItem.Statement statement = StatementSplitter.statements("\n\n   /* c */ SELECT\n  1;").get(0);

        assertThat(statement.line()).isEqualTo(3);
        assertThat(statement.column()).isEqualTo(12);
        assertThat(statement.sql()).isEqualTo("SELECT\n  1");
    }

    @Test
    void innerComments_areKept_butTrailingOnesAreNot() {
        assertThat(sqlOf("SELECT 1 /* one */ + -- plus\n 2 /* after */ -- end\n;"))
                .containsExactly("SELECT 1 /* one */ + -- plus\n 2");
    }

    @Test
    void emptyStatements_areSkipped() {
        assertThat(sqlOf(";; SELECT 1;;\n;")).containsExactly("SELECT 1");
    }

    @Test
    void lastStatementWithoutSemicolon_isUnterminated() {
        List<ScriptItem.Statement> statements = StatementSplitter.statements("SELECT 1; SELECT 2 -- no end");

        assertThat(statements).extracting(ScriptItem.Statement::terminated).containsExactly(true, false);
        assertThat(statements.get(1).sql()).isEqualTo("SELECT 2");
    }

    @Test
    void semicolonInAString_doesNotSplit_andDoubledQuotesStayInside() {
        assertThat(sqlOf("SELECT 'a;''b'; SELECT 2")).containsExactly("SELECT 'a;''b'", "SELECT 2");
    }

    @Test
    void backslashInAPlainString_isLiteral_becauseStandardConformingStringsIsOn() {
        assertThat(sqlOf("SELECT 'C:\\'; SELECT 2")).containsExactly("SELECT 'C:\\'", "SELECT 2");
    }

    @Test
    void escapedQuoteInAnEString_doesNotEndIt() {
        assertThat(sqlOf("SELECT E'it\\'s; here'; SELECT E'\\\\'; SELECT 3"))
                .containsExactly("SELECT E'it\\'s; here'", "SELECT E'\\\\'", "SELECT 3");
    }

    @Test
    void unicodeStringsAndIdentifiers_withUescape_areWholeTokens() {
        ScriptItem.Statement statement =
                StatementSplitter.statements("SELECT U&'d!0061t;' UESCAPE '!' AS U&\"x;\"\"y\"").get(0);

        assertThat(statement.tokens())
                .containsExactly("SELECT", "U&'d!0061t;'", "UESCAPE", "'!'", "AS", "U&\"x;\"\"y\"");
    }

    @Test
    void prefixedStrings_keepTheirPrefixInTheToken() {
        assertThat(StatementSplitter.statements("SELECT B'10', X'1F', N'n;', e'\\n'").get(0).tokens())
                .containsExactly("SELECT", "B'10'", ",", "X'1F'", ",", "N'n;'", ",", "e'\\n'");
    }

    @Test
    void quotedIdentifier_mayHoldSemicolonsAndDoubledQuotes() {
        assertThat(sqlOf("CREATE TABLE \"a;\"\"b\" (x int); SELECT 2"))
                .containsExactly("CREATE TABLE \"a;\"\"b\" (x int)", "SELECT 2");
    }

    @Test
    void dollarBody_isOpaqueUntilItsOwnTag() {
        String function = "CREATE FUNCTION f() RETURNS int AS $fn$ BEGIN RETURN $$;$$ || $x$;$x$; END; $fn$"
                + " LANGUAGE plpgsql";

        assertThat(sqlOf(function + "; SELECT $$a;b$$")).containsExactly(function, "SELECT $$a;b$$");
    }

    @Test
    void dollarDigit_isAParameter_notATag() {
        assertThat(sqlOf("PREPARE p(int) AS SELECT $1; SELECT $2$x"))
                .containsExactly("PREPARE p(int) AS SELECT $1", "SELECT $2$x");
    }

    @Test
    void dollarInsideAnIdentifier_isPartOfIt_notATag() {
        ScriptItem.Statement first = StatementSplitter.statements("SELECT 1 AS a$b$; SELECT 2").get(0);

        assertThat(first.tokens()).containsExactly("SELECT", "1", "AS", "a$b$");
    }

    @Test
    void dollarFollowedByANameWithoutClosingDollar_isALoneDollar() {
        assertThat(StatementSplitter.statements("SELECT $abc; SELECT 2").get(0).tokens())
                .containsExactly("SELECT", "$", "abc");
    }

    @Test
    void blockComments_nest() {
        assertThat(sqlOf("SELECT /* a /* b; */ c; */ 1; SELECT 2"))
                .containsExactly("SELECT /* a /* b; */ c; */ 1", "SELECT 2");
    }

    @Test
    void semicolonInsideParentheses_doesNotSplit() {
        String rule = "CREATE RULE r AS ON INSERT TO t DO INSTEAD (INSERT INTO u VALUES (1); INSERT INTO u VALUES (2))";

        assertThat(sqlOf(rule + "; SELECT 2")).containsExactly(rule, "SELECT 2");
    }

    @Test
    void beginAtomicBody_keepsItsSemicolons_caseEndsIncluded() {
        String function = "CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n"
                + "  SELECT 1;\n  SELECT CASE WHEN a > 0 THEN a ELSE 0 END;\nEND";

        assertThat(sqlOf(function + ";\nSELECT 2;")).containsExactly(function, "SELECT 2");
    }

    @Test
    void beginAtomicBody_ofCreateOrReplaceProcedure_keepsItsSemicolons() {
        String procedure = "create or replace procedure p() language sql begin atomic select 1; select 2; end";

        assertThat(sqlOf(procedure + "; SELECT 3")).containsExactly(procedure, "SELECT 3");
    }

    @Test
    void transactionBeginAndEnd_splitNormally() {
        assertThat(sqlOf("BEGIN; SELECT 1; END; CREATE TABLE t (a int); BEGIN; COMMIT"))
                .containsExactly("BEGIN", "SELECT 1", "END", "CREATE TABLE t (a int)", "BEGIN", "COMMIT");
    }

    @Test
    void beginInsideAPlpgsqlDollarBody_doesNotNest() {
        String function = "CREATE FUNCTION f() RETURNS void AS $$ BEGIN NULL; END $$ LANGUAGE plpgsql";

        assertThat(sqlOf(function + "; SELECT 2")).containsExactly(function, "SELECT 2");
    }

    @Test
    void wholeLineCommentBetweenStatements_isACommentLineItem() {
        assertThat(items("-- first  \nSELECT 1;\n  -- second\n"))
                .containsExactly(new ScriptItem.CommentLine(" first", 1),
                        new ScriptItem.Statement("SELECT 1", 2, 1, List.of("SELECT", "1"), true),
                        new ScriptItem.CommentLine(" second", 3));
    }

    @Test
    void commentAfterAStatementOnTheSameLine_isNotAnItem() {
        assertThat(items("SELECT 1; -- trailing\n")).hasSize(1);
    }

    @Test
    void wholeLineCommentInsideAStatement_belongsToIt() {
        assertThat(items("SELECT 1\n-- inside; still\n+ 1;"))
                .containsExactly(new ScriptItem.Statement("SELECT 1\n-- inside; still\n+ 1", 1, 1,
                        List.of("SELECT", "1", "+", "1"), true));
    }

    @Test
    void controlCommentInsideAStatement_endsItUnterminated() {
        assertThat(items("SELECT (1\n-- +down\n)"))
                .containsExactly(new ScriptItem.Statement("SELECT (1", 1, 1, List.of("SELECT", "(", "1"), false),
                        new ScriptItem.CommentLine(" +down", 2),
                        new ScriptItem.Statement(")", 3, 1, List.of(")"), false));
    }

    @Test
    void controlCommentInsideABlockComment_isJustComment() {
        assertThat(items("SELECT 1 /*\n-- +down\n*/;"))
                .containsExactly(new ScriptItem.Statement("SELECT 1", 1, 1, List.of("SELECT", "1"), true));
    }
}
