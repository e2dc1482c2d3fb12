package dev.stepwise.sql;

import java.util.List;

/** One item of a SQL script as the splitter sees it: a statement or a top-level comment line. */
public sealed interface ScriptItem permits ScriptItem.Statement, ScriptItem.CommentLine {

    /** 1-based line where the item starts. */
    int line();

    /**
     * A complete SQL statement.
     *
     * @param sql        the statement's source text from its first token to its last, without the
     *                   terminating semicolon; comments inside it are kept as written
     * @param line       1-based line of the first token
     * @param column     1-based column of the first token
     * @param tokens     the statement's lexical tokens without whitespace and comments, each as
     *                   written (literals and dollar bodies whole, line endings inside them
     *                   normalised to LF); the input of the checksum
     * @param terminated whether a {@code ;} ended it (false for the last statement before a
     *                   control comment or the end of input)
     */
    record Statement(String sql, int line, int column, List<String> tokens, boolean terminated)
            implements ScriptItem {

        public Statement {
            tokens = List.copyOf(tokens);
        }

        /** The first {@code n} tokens in upper case, for keyword checks; fewer if it is shorter. */
        public List<String> leadingKeywords(int n) {
            return tokens.subList(0, Math.min(n, tokens.size())).stream()
                    .map(t -> t.toUpperCase(java.util.Locale.ROOT))
                    .toList();
        }
    }

    /**
     * A {@code --} comment that occupies a whole line outside any statement, string or body.
     *
     * @param text the comment without the leading {@code --}, trailing whitespace removed
     * @param line 1-based line
     */
    record CommentLine(String text, int line) implements ScriptItem {
    }
}
