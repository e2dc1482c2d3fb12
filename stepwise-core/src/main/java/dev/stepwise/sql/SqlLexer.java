package dev.stepwise.sql;

import dev.stepwise.sql.SqlToken.Kind;

import java.io.Reader;
import java.util.function.Predicate;

/**
 * Cuts SQL text into tokens by the rules of psql's lexer ({@code psqlscan.l}), with
 * {@code standard_conforming_strings} on, so that quotes, dollar bodies and comments are
 * recognised exactly where psql recognises them.
 *
 * <p>Where psql's token grouping does not matter for splitting it is simplified: adjacent string
 * literals are separate tokens, and a number is one run of digits, letters, underscores, one
 * fraction and an exponent sign. psql meta-commands are rejected here, because psql would stop
 * lexing SQL at the backslash.
 */
final class SqlLexer {

    private static final String OPERATOR_CHARS = "~!@#^&|`?+-*/%<>=";
    /** Characters that make a trailing {@code +} or {@code -} part of a multi-character operator. */
    private static final String NON_SQL_OPERATOR_CHARS = "~!@#^&|`?%";
    private static final String SINGLE_PUNCTUATION = "(),;[]";

    private final SourceCursor in;
    private final Predicate<String> isControlComment;

    SqlLexer(Reader reader, Predicate<String> isControlComment) {
        this.in = new SourceCursor(reader);
        this.isControlComment = isControlComment;
    }

    /** The next token, or null at the end of the input. */
    SqlToken next() {
        int c = in.peek();
        if (c == SourceCursor.END) {
            return null;
        }
        int line = in.line();
        int column = in.column();
        StringBuilder text = new StringBuilder();
        Kind kind = scan(c, text, line, column);
        return new SqlToken(kind, text.toString(), line, column);
    }

    private Kind scan(int c, StringBuilder text, int line, int column) {
        int next = in.peek(1);
        if (isSpace(c)) {
            return whitespace(text);
        } else if (c == '-' && next == '-') {
            return lineComment(text);
        } else if (c == '/' && next == '*') {
            return blockComment(text, line, column);
        } else if (c == '\'') {
            return quoted(text, new Quote(0, '\'', false), line, column);
        } else if (c == '"') {
            return quoted(text, new Quote(0, '"', false), line, column);
        } else if ((c == 'e' || c == 'E') && next == '\'') {
            return quoted(text, new Quote(1, '\'', true), line, column);
        } else if ("bBxXnN".indexOf(c) >= 0 && next == '\'') {
            return quoted(text, new Quote(1, '\'', false), line, column);
        } else if ((c == 'u' || c == 'U') && next == '&' && (in.peek(2) == '\'' || in.peek(2) == '"')) {
            return quoted(text, new Quote(2, in.peek(2), false), line, column);
        } else if (c == '$') {
            return dollar(text, line, column);
        } else if (isIdentifierStart(c)) {
            return word(text);
        } else if (isDigit(c) || (c == '.' && isDigit(next))) {
            return number(text);
        } else if (c == '\\') {
            throw metaCommand(line, column);
        } else if (c == ':' && (next == ':' || next == '=') || c == '.' && next == '.') {
            take(text, 2);
            return Kind.PUNCTUATION;
        } else if (SINGLE_PUNCTUATION.indexOf(c) >= 0 || c == ':' || c == '.') {
            take(text, 1);
            return Kind.PUNCTUATION;
        } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
            return operator(text);
        }
        take(text, 1);
        return Kind.OTHER;
    }

    /** Blanks, cut after a line feed so that whitespace never piles up in memory. */
    private Kind whitespace(StringBuilder text) {
        while (isSpace(in.peek())) {
            int c = in.read();
            text.append((char) c);
            if (c == '\n') {
                break;
            }
        }
        return Kind.WHITESPACE;
    }

    private Kind lineComment(StringBuilder text) {
        Kind kind = in.lineBlankSoFar() ? Kind.WHOLE_LINE_COMMENT : Kind.LINE_COMMENT;
        while (in.peek() != '\n' && in.peek() != SourceCursor.END) {
            text.append((char) in.read());
        }
        return kind;
    }

    /** Block comments nest, as in the server and psql. */
    private Kind blockComment(StringBuilder text, int line, int column) {
        take(text, 2);
        int depth = 0;
        while (true) {
            if (in.peek() == SourceCursor.END) {
                throw new SqlScriptException(line, column, "unterminated /* comment");
            } else if (in.startsWith("/*")) {
                take(text, 2);
                depth++;
            } else if (in.startsWith("*/")) {
                take(text, 2);
                if (depth == 0) {
                    return Kind.BLOCK_COMMENT;
                }
                depth--;
            } else {
                take(text, 1);
            }
        }
    }

    /** How a quoted token starts and which escapes it knows. */
    private record Quote(int prefixLength, int quoteChar, boolean backslashEscapes) {
    }

    /**
     * A quoted string or identifier: a doubled quote is an escaped quote in all of them; only
     * {@code E'...'} also knows backslash escapes ({@code standard_conforming_strings} is on).
     */
    private Kind quoted(StringBuilder text, Quote quote, int line, int column) {
        take(text, quote.prefixLength() + 1);
        QuotedBody body = new QuotedBody(text, isControlComment, line, column);
        Kind kind = quote.quoteChar() == '"' ? Kind.QUOTED_IDENTIFIER : Kind.STRING;
        while (true) {
            int c = readInto(body, kind, line, column);
            if (c == '\\' && quote.backslashEscapes()) {
                readInto(body, kind, line, column);
            } else if (c == quote.quoteChar()) {
                if (in.peek() != quote.quoteChar()) {
                    return kind;
                }
                readInto(body, kind, line, column);
            }
        }
    }

    private int readInto(QuotedBody body, Kind kind, int line, int column) {
        int charLine = in.line();
        int c = in.read();
        if (c == SourceCursor.END) {
            throw new SqlScriptException(line, column, kind == Kind.QUOTED_IDENTIFIER
                    ? "unterminated quoted identifier" : "unterminated quoted string");
        }
        body.append(c, charLine);
        return c;
    }

    /**
     * {@code $1} is a parameter; {@code $$} or {@code $tag$} opens a dollar body that ends at the
     * first occurrence of the same delimiter; a {@code $} followed by a name but no closing
     * {@code $} is a lone {@code $}, as in psql.
     */
    private Kind dollar(StringBuilder text, int line, int column) {
        int next = in.peek(1);
        if (isDigit(next)) {
            take(text, 1);
            while (isDigit(in.peek())) {
                take(text, 1);
            }
            return Kind.PARAMETER;
        }
        int tagEnd = 1;
        if (isIdentifierStart(next)) {
            tagEnd = 2;
            while (isIdentifierStart(in.peek(tagEnd)) || isDigit(in.peek(tagEnd))) {
                tagEnd++;
            }
        }
        if (in.peek(tagEnd) != '$') {
            take(text, 1);
            return Kind.OTHER;
        }
        take(text, tagEnd + 1);
        String delimiter = text.toString();
        QuotedBody body = new QuotedBody(text, isControlComment, line, column);
        while (!in.startsWith(delimiter)) {
            int charLine = in.line();
            int c = in.read();
            if (c == SourceCursor.END) {
                throw new SqlScriptException(line, column,
                        "unterminated dollar-quoted body: no closing " + delimiter);
            }
            body.append(c, charLine);
        }
        take(text, delimiter.length());
        return Kind.DOLLAR_STRING;
    }

    /** Identifiers and keywords; {@code $} inside one is part of it, never a dollar quote. */
    private Kind word(StringBuilder text) {
        while (isIdentifierStart(in.peek()) || isDigit(in.peek()) || in.peek() == '$') {
            take(text, 1);
        }
        return Kind.WORD;
    }

    private Kind number(StringBuilder text) {
        if (in.peek() != '.') {
            numberRun(text);
        }
        if (in.peek() == '.' && in.peek(1) != '.') {
            take(text, 1);
            numberRun(text);
        }
        return Kind.NUMBER;
    }

    /** Digits, letters (hex digits, exponent, junk the server rejects) and {@code e+5}-style signs. */
    private void numberRun(StringBuilder text) {
        while (true) {
            int c = in.peek();
            boolean exponentSign = (c == '+' || c == '-') && isDigit(in.peek(1)) && !text.isEmpty()
                    && Character.toLowerCase(text.charAt(text.length() - 1)) == 'e'
                    && !isHexPrefixed(text);
            if (isDigit(c) || isAsciiLetter(c) || c == '_' || exponentSign) {
                take(text, 1);
            } else {
                return;
            }
        }
    }

    /**
     * An operator stops before a comment start, and loses trailing {@code +}/{@code -} unless it
     * contains a character SQL operators do not use, so {@code =-1} is {@code =} then {@code -}.
     */
    private Kind operator(StringBuilder text) {
        int length = 0;
        while (OPERATOR_CHARS.indexOf(in.peek(length)) >= 0) {
            int c = in.peek(length);
            int after = in.peek(length + 1);
            if (length > 0 && (c == '-' && after == '-' || c == '/' && after == '*')) {
                break;
            }
            length++;
        }
        if (length > 1 && isPlusOrMinus(in.peek(length - 1))) {
            boolean keepsSign = false;
            for (int i = 0; i < length - 1; i++) {
                keepsSign |= NON_SQL_OPERATOR_CHARS.indexOf(in.peek(i)) >= 0;
            }
            while (!keepsSign && length > 1 && isPlusOrMinus(in.peek(length - 1))) {
                length--;
            }
        }
        take(text, length);
        return Kind.OPERATOR;
    }

    private SqlScriptException metaCommand(int line, int column) {
        StringBuilder name = new StringBuilder();
        take(name, 1);
        while (isAsciiLetter(in.peek()) || isDigit(in.peek())) {
            take(name, 1);
        }
        if (name.length() == 1 && in.peek() != SourceCursor.END && !isSpace(in.peek())) {
            take(name, 1);
        }
        return new SqlScriptException(line, column,
                "psql meta-command " + name + " is not supported in migration files");
    }

    private void take(StringBuilder text, int count) {
        for (int i = 0; i < count; i++) {
            text.append((char) in.read());
        }
    }

    private static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** psql treats every non-ASCII byte as a letter; every non-ASCII UTF-16 unit does the same here. */
    private static boolean isIdentifierStart(int c) {
        return isAsciiLetter(c) || c == '_' || c >= 0x80;
    }

    private static boolean isHexPrefixed(StringBuilder text) {
        return text.length() > 1 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
    }

    private static boolean isPlusOrMinus(int c) {
        return c == '+' || c == '-';
    }
}
