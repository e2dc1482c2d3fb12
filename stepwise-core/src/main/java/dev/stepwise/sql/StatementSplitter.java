package dev.stepwise.sql;

import dev.stepwise.sql.SqlToken.Kind;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/**
 * Splits a SQL script into statements and whole-line comments exactly where psql would split it,
 * reading the input as a stream so that only the current statement is ever held in memory.
 *
 * <p>A statement ends at a semicolon outside quotes, comments, parentheses and
 * {@code BEGIN ATOMIC ... END} bodies. A whole-line {@code --} comment between statements is a
 * {@link ScriptItem.CommentLine}; one inside a statement belongs to it, unless it is a control
 * comment (a directive or section marker, as the caller's predicate decides), which ends the
 * statement so far without a semicolon. Errors are {@link SqlScriptException}s with the line and
 * column where the problem starts.
 */
public final class StatementSplitter implements Iterator<ScriptItem> {

    private final SqlLexer lexer;
    private final Predicate<String> isControlComment;
    private final StatementInProgress statement = new StatementInProgress();
    /** Items found but not yet returned: at most a statement and the comment line that ended it. */
    private final Deque<ScriptItem> found = new ArrayDeque<>(2);
    private boolean endOfInput;

    /**
     * @param reader           the script; read lazily, not closed
     * @param isControlComment tests a whole-line comment's text (after {@code --}, trailing
     *                         whitespace removed) for being a directive or section marker
     */
    public StatementSplitter(Reader reader, Predicate<String> isControlComment) {
        this.lexer = new SqlLexer(reader, isControlComment);
        this.isControlComment = isControlComment;
    }

    /** The statements of a script held in a string, with no control comments. */
    public static List<ScriptItem.Statement> statements(String sql) {
        List<ScriptItem.Statement> statements = new ArrayList<>();
        StatementSplitter splitter = new StatementSplitter(new StringReader(sql), text -> false);
        while (splitter.hasNext()) {
            if (splitter.next() instanceof ScriptItem.Statement s) {
                statements.add(s);
            }
        }
        return statements;
    }

    @Override
    public boolean hasNext() {
        while (found.isEmpty() && !endOfInput) {
            advance();
        }
        return !found.isEmpty();
    }

    @Override
    public ScriptItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more statements in the script");
        }
        return found.removeFirst();
    }

    private void advance() {
        SqlToken token = lexer.next();
        if (token == null) {
            endOfInput = true;
            if (!statement.isEmpty()) {
                found.add(statement.finishUnterminated());
            }
        } else if (token.kind() == Kind.WHOLE_LINE_COMMENT) {
            commentLine(token);
        } else if (token.is(Kind.PUNCTUATION, ";") && statement.endsAtSemicolon()) {
            if (statement.isEmpty()) {
                statement.reset();
            } else {
                found.add(statement.finishAtSemicolon());
            }
        } else {
            statement.add(token);
        }
    }

    private void commentLine(SqlToken token) {
        ScriptItem.CommentLine comment =
                new ScriptItem.CommentLine(token.text().substring(2).stripTrailing(), token.line());
        if (statement.isEmpty()) {
            found.add(comment);
        } else if (isControlComment.test(comment.text())) {
            found.add(statement.finishUnterminated());
            found.add(comment);
        } else {
            statement.add(token);
        }
    }
}
