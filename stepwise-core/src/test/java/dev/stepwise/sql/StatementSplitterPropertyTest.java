package dev.stepwise.sql;

import dev.stepwise.testing.TestDatabase;
import dev.stepwise.testing.TestPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scripts built from known statements, joined with semicolons, whitespace and comments, split
 * back into exactly those statements; and each statement the splitter returns runs on its own on
 * a real PostgreSQL server, so the generated pieces are real SQL and the cuts are real boundaries.
 */
class StatementSplitterPropertyTest {

    private static TestDatabase database;

    /** A generated script and the statements it was built from, in order. */
    record Script(String text, List<String> statements, boolean lastTerminated) {

        static Script assemble(List<String> templates, List<String> gaps, String trailer, boolean lastTerminated) {
            List<String> statements = new ArrayList<>();
            StringBuilder text = new StringBuilder(gaps.get(0));
            for (int i = 0; i < templates.size(); i++) {
                // {n} makes the names of created objects unique within one script
                String statement = templates.get(i).replace("{n}", Integer.toString(i));
                statements.add(statement);
                text.append(statement);
                boolean last = i == templates.size() - 1;
                if (!last) {
                    text.append(';').append(gaps.get(i + 1));
                } else if (lastTerminated) {
                    text.append(';').append(trailer);
                } else {
                    text.append(trailer);
                }
            }
            return new Script(text.toString(), Collections.unmodifiableList(statements), lastTerminated);
        }
    }

    @Property(tries = 300)
    void generatedScript_splitsIntoExactlyTheStatementsItWasBuiltFrom(@ForAll("scripts") Script script) {
        List<ScriptItem.Statement> split = StatementSplitter.statements(script.text());

        assertThat(split).extracting(ScriptItem.Statement::sql)
                .containsExactlyElementsOf(script.statements().stream().map(String::trim).toList());
        assertThat(split.subList(0, split.size() - 1)).allMatch(ScriptItem.Statement::terminated);
        assertThat(split.get(split.size() - 1).terminated()).isEqualTo(script.lastTerminated());
    }

    @Property(tries = 50)
    void everySplitStatement_runsAloneOnPostgres(@ForAll("scripts") Script script) throws SQLException {
        try (Connection connection = database().connect()) {
            // one transaction per script, rolled back, so names need only be unique within a script
            connection.setAutoCommit(false);
            for (ScriptItem.Statement statement : StatementSplitter.statements(script.text())) {
                try (Statement jdbc = connection.createStatement()) {
                    jdbc.execute(statement.sql());
                }
            }
            connection.rollback();
        }
    }

    private static synchronized TestDatabase database() {
        if (database == null) {
            database = TestPostgres.server().newDatabase();
        }
        return database;
    }

    @Provide
    Arbitrary<Script> scripts() {
        return Combinators.combine(
                        statement().list().ofMinSize(1).ofMaxSize(12),
                        gap().list().ofSize(13),
                        trailer(),
                        Arbitraries.of(true, false))
                .as(Script::assemble);
    }

    /** One statement template; {@code {n}} is replaced by the statement's index. */
    private Arbitrary<String> statement() {
        return Arbitraries.oneOf(
                plpgsqlFunction(),
                beginAtomicFunction(),
                beginAtomicProcedure(),
                Arbitraries.of(
                        "SELECT U&'d\\0061t\\+000061' AS \"u;{n}\"",
                        "SELECT U&'d!0061t!+000061;' UESCAPE '!' AS U&\"\\0075;\"\"\"",
                        "SELECT E'it\\'s; here' AS e, E'back\\\\' AS b",
                        "SELECT 'C:\\path\\' AS standard_string",
                        "SELECT 1 /* outer /* inner ; */ still ; */ + 2 AS sum",
                        "SELECT ';' || $x$;$x$ || $$;'$$ AS dollars",
                        "SELECT 1\n-- a whole-line comment; inside\n+ 1 AS two",
                        "SELECT (';'), ('(' || ')') AS parens",
                        "SELECT 1 AS a$b$c",
                        "PREPARE prepared_{n}(integer) AS SELECT $1 + 1",
                        "CREATE TABLE checked_{n} (id integer, note text CHECK (note <> 'a;b' AND note <> ')'))",
                        "CREATE TABLE \"odd;\"\"name_{n}\" (\"semi;col\" integer, \"quote\"\"col\" text)"));
    }

    private Arbitrary<String> plpgsqlFunction() {
        return Combinators.combine(Arbitraries.of("$$", "$body$", "$fn_2$"), Arbitraries.of("", "OR REPLACE "))
                .as((tag, orReplace) -> "CREATE " + orReplace
                        + "FUNCTION plpgsql_{n}(a integer) RETURNS text LANGUAGE plpgsql AS " + tag + "\n"
                        + "DECLARE\n  s text := 'semi;colon';\nBEGIN\n  -- a comment; in the body\n"
                        + "  IF $1 > 0 THEN\n    RETURN s || $1;\n  END IF;\n  RETURN $q$;$q$;\nEND;\n" + tag);
    }

    private Arbitrary<String> beginAtomicFunction() {
        return Combinators.combine(
                        Arbitraries.of("CREATE", "create or replace", "CREATE OR REPLACE"),
                        Arbitraries.of("BEGIN ATOMIC", "begin atomic", "Begin Atomic"),
                        Arbitraries.of("END", "end"))
                .as((create, begin, end) -> create + " FUNCTION atomic_{n}(a integer) RETURNS integer LANGUAGE sql\n"
                        + begin + "\n  SELECT 1;\n  SELECT CASE WHEN a > 0 THEN a ELSE 0 END;\n" + end);
    }

    private Arbitrary<String> beginAtomicProcedure() {
        return Arbitraries.of(
                "CREATE PROCEDURE atomic_proc_{n}(a integer) LANGUAGE sql BEGIN ATOMIC SELECT a; "
                        + "SELECT CASE a WHEN 1 THEN 'one;' END; END",
                "create procedure atomic_proc_{n}() language sql begin atomic select ';'; end");
    }

    /** What may stand between two statements (after the semicolon): blanks, comments, empty statements. */
    private Arbitrary<String> gap() {
        return Arbitraries.of(" ", "\n", "\r\n", "\n\n", "\t", ";", " ;\n", " -- trailing; comment\n",
                        "\n-- a whole line; comment\n", "/* between; /* nested */ */", "\n/* multi\nline; */\n")
                .list().ofMinSize(0).ofMaxSize(3)
                .map(pieces -> String.join("", pieces));
    }

    /** What may follow the last statement: like a gap but without semicolons, which would end it. */
    private Arbitrary<String> trailer() {
        return Arbitraries.of("", "\n", " -- the end; really\n", "/* done; */", "\r\n\r\n")
                .list().ofMinSize(0).ofMaxSize(2)
                .map(pieces -> String.join("", pieces));
    }
}
