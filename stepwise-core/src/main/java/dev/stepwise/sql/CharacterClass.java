package dev.stepwise.sql;

/**
 * The character classes of psql's lexer definitions ({@code space}, {@code ident_start},
 * {@code op_chars}, ...), so the lexer's rules read like the ones in {@code psqlscan.l}.
 */
final class CharacterClass {

    private static final String OPERATOR_CHARS = "~!@#^&|`?+-*/%<>=";
    /** Characters that let a multi-character operator end in {@code +} or {@code -}. */
    private static final String NON_SQL_OPERATOR_CHARS = "~!@#^&|`?%";
    /** Single-character tokens that never join an operator. */
    private static final String PUNCTUATION = "(),;[]";

    private CharacterClass() {
    }

    /** psql's {@code space}; a CR never gets here, the cursor has made it a line feed. */
    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f';
    }

    static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** psql treats every non-ASCII byte as a letter; every non-ASCII UTF-16 unit does the same here. */
    static boolean isIdentifierStart(int c) {
        return isAsciiLetter(c) || c == '_' || c >= 0x80;
    }

    /** Inside an identifier {@code $} is an ordinary character, so {@code a$b$} is one name. */
    static boolean isIdentifierPart(int c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }

    /** A dollar-quote tag is an identifier without {@code $}. */
    static boolean isTagPart(int c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    static boolean isOperatorChar(int c) {
        return c != SourceCursor.END && OPERATOR_CHARS.indexOf(c) >= 0;
    }

    static boolean isNonSqlOperatorChar(int c) {
        return c != SourceCursor.END && NON_SQL_OPERATOR_CHARS.indexOf(c) >= 0;
    }

    static boolean isPunctuation(int c) {
        return c != SourceCursor.END && PUNCTUATION.indexOf(c) >= 0;
    }

    static boolean isPlusOrMinus(int c) {
        return c == '+' || c == '-';
    }
}
