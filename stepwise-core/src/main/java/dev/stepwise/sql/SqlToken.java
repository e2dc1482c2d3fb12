package dev.stepwise.sql;

/**
 * One lexical token of a SQL script as psql's lexer would see it, with the 1-based position of
 * its first character; whitespace and comments are tokens too, so a statement's text can be
 * rebuilt from them.
 */
record SqlToken(Kind kind, String text, int line, int column) {

    /** What a token is, as far as statement splitting and the checksum care. */
    enum Kind {
        /** An identifier or keyword, e.g. {@code select}, {@code a$b}. */
        WORD,
        /** {@code "..."} or {@code U&"..."}. */
        QUOTED_IDENTIFIER,
        /** {@code '...'} with its prefix, if any: {@code E}, {@code U&}, {@code B}, {@code X}, {@code N}. */
        STRING,
        /** {@code $tag$...$tag$}, tags included. */
        DOLLAR_STRING,
        NUMBER,
        /** A positional parameter such as {@code $1}. */
        PARAMETER,
        OPERATOR,
        /** One of {@code ( ) , ; [ ] . :} or {@code ::}, {@code :=}, {@code ..}. */
        PUNCTUATION,
        /** Any other single character, e.g. a lone {@code $}. */
        OTHER,
        /** Blanks up to and including at most one line feed. */
        WHITESPACE,
        /** A {@code --} comment after something else on its line; the line feed is not part of it. */
        LINE_COMMENT,
        /** A {@code --} comment with only blanks before it on its line. */
        WHOLE_LINE_COMMENT,
        /** A {@code /* *}{@code /} comment, nested ones included. */
        BLOCK_COMMENT
    }

    /** Whether the token is whitespace or a comment: not part of the checksum. */
    boolean isTrivia() {
        return kind == Kind.WHITESPACE || kind == Kind.LINE_COMMENT
                || kind == Kind.WHOLE_LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
    }

    boolean is(Kind expected, String value) {
        return kind == expected && text.equalsIgnoreCase(value);
    }
}
