package dev.stepwise.sql;

import java.util.function.Predicate;

/**
 * The text of one quoted token (string, quoted identifier or dollar body) as it is read, refusing
 * a control comment line inside it.
 *
 * <p>Directives and section markers are whole-line {@code --} comments. One that sits inside a
 * quoted body is SQL text to the server but looks like a marker to a reader of the file, so the
 * file would mean two different things; that is rejected rather than guessed.
 */
final class QuotedBody {

    private final StringBuilder text;
    private final Predicate<String> isControlComment;
    private final int startLine;
    private final int startColumn;
    /** Where the current line starts in {@link #text}, or -1 while still on the opening line. */
    private int lineStart = -1;

    QuotedBody(StringBuilder text, Predicate<String> isControlComment, int startLine, int startColumn) {
        this.text = text;
        this.isControlComment = isControlComment;
        this.startLine = startLine;
        this.startColumn = startColumn;
    }

    /** Appends one character read at {@code line}. */
    void append(int c, int line) {
        text.append((char) c);
        if (c == '\n') {
            if (lineStart >= 0) {
                checkLine(text.substring(lineStart, text.length() - 1), line);
            }
            lineStart = text.length();
        }
    }

    void append(String s, int line) {
        for (int i = 0; i < s.length(); i++) {
            append(s.charAt(i), line);
        }
    }

    private void checkLine(String content, int line) {
        int dashes = 0;
        while (dashes < content.length() && " \t\f".indexOf(content.charAt(dashes)) >= 0) {
            dashes++;
        }
        if (!content.startsWith("--", dashes)) {
            return;
        }
        String comment = content.substring(dashes + 2).stripTrailing();
        if (isControlComment.test(comment)) {
            int column = content.codePointCount(0, dashes) + 1;
            throw new SqlScriptException(line, column,
                    "directive or section marker inside a quoted body: '--" + comment
                            + "' is inside the string, quoted identifier or dollar-quoted body that starts at line "
                            + startLine + ", column " + startColumn
                            + "; close the quote or body before the marker");
        }
    }
}
