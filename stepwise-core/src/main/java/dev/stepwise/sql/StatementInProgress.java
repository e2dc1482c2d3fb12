package dev.stepwise.sql;

import dev.stepwise.sql.SqlToken.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * The statement the splitter is collecting: its text from the first token on, its tokens, and
 * the psql state (parenthesis depth, function-body nesting) that decides whether a semicolon
 * ends it. Only this one statement is ever held in memory.
 */
final class StatementInProgress {

    private final StringBuilder text = new StringBuilder();
    private final List<String> tokens = new ArrayList<>();
    /** Length of {@link #text} up to the end of the last token, so trailing comments are dropped. */
    private int textEnd;
    private int line;
    private int column;
    private int parenDepth;
    private BeginEndNesting nesting = new BeginEndNesting();

    boolean isEmpty() {
        return tokens.isEmpty();
    }

    /** Whether a semicolon here ends the statement: psql's rule, outside parentheses and bodies. */
    boolean endsAtSemicolon() {
        return parenDepth == 0 && !nesting.insideBody();
    }

    /** Adds a token; whitespace and comments count only once the statement has started. */
    void add(SqlToken token) {
        if (token.isTrivia()) {
            if (!tokens.isEmpty()) {
                text.append(token.text());
            }
            return;
        }
        if (tokens.isEmpty()) {
            line = token.line();
            column = token.column();
        }
        track(token);
        tokens.add(token.text());
        text.append(token.text());
        textEnd = text.length();
    }

    ScriptItem.Statement finishAtSemicolon() {
        return finish(true);
    }

    /** Ends the statement without a semicolon: at a control comment or the end of the input. */
    ScriptItem.Statement finishUnterminated() {
        return finish(false);
    }

    /** Forgets everything, e.g. after an empty statement. */
    void reset() {
        text.setLength(0);
        tokens.clear();
        textEnd = 0;
        parenDepth = 0;
        nesting = new BeginEndNesting();
    }

    private ScriptItem.Statement finish(boolean terminated) {
        ScriptItem.Statement statement =
                new ScriptItem.Statement(text.substring(0, textEnd), line, column, tokens, terminated);
        reset();
        return statement;
    }

    private void track(SqlToken token) {
        if (token.is(Kind.PUNCTUATION, "(")) {
            parenDepth++;
        } else if (token.is(Kind.PUNCTUATION, ")") && parenDepth > 0) {
            parenDepth--;
        } else if (token.kind() == Kind.WORD) {
            nesting.word(token.text(), parenDepth);
            rejectCopyFromStdin(token);
        }
    }

    /** In psql the lines after {@code COPY ... FROM stdin} are its data, not SQL: no file can hold them. */
    private void rejectCopyFromStdin(SqlToken token) {
        boolean copy = !tokens.isEmpty() && tokens.get(0).equalsIgnoreCase("copy");
        boolean afterFrom = !tokens.isEmpty() && tokens.get(tokens.size() - 1).equalsIgnoreCase("from");
        if (copy && afterFrom && token.text().equalsIgnoreCase("stdin")) {
            throw new SqlScriptException(line, column,
                    "COPY ... FROM stdin is not supported in migration files: psql would read the lines "
                            + "after it as data; load the rows with INSERT or COPY from a server-side file");
        }
    }
}
