package dev.stepwise.postgres.generate;

import dev.stepwise.sql.SqlComment;

import java.util.ArrayList;
import java.util.List;

/**
 * One section of a generated migration: statements, each after the comment that says why it is
 * there, separated by blank lines, as a person would write them.
 */
final class Script {

    private final List<String> parts = new ArrayList<>();

    /** A comment (one or more lines, without {@code --}) for the statements that follow. */
    Script comment(String text) {
        // the text names tables and columns, and a name may hold a line break
        parts.add(SqlComment.of(text));
        return this;
    }

    /** A statement, without its semicolon. */
    Script statement(String sql) {
        parts.add(sql + ";\n");
        return this;
    }

    /** A {@code -- stepwise:...} line for the next statement. */
    Script directive(String text) {
        parts.add("-- stepwise:" + text + "\n");
        return this;
    }

    /** A blank line, between groups of statements. */
    Script gap() {
        parts.add("\n");
        return this;
    }

    boolean isEmpty() {
        return parts.isEmpty();
    }

    @Override
    public String toString() {
        String text = String.join("", parts);
        return text.endsWith("\n\n") ? text.substring(0, text.length() - 1) : text;
    }
}
