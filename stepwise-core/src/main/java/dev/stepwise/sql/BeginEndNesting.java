package dev.stepwise.sql;

import java.util.Locale;

/**
 * Tracks {@code BEGIN ... END} nesting in SQL-standard function bodies
 * ({@code CREATE FUNCTION ... BEGIN ATOMIC ...; ...; END}), where semicolons do not end the
 * statement, with the same heuristic as psql's lexer so that files split exactly as psql runs them.
 *
 * <p>psql records the first letters of the statement's first four identifiers when they are
 * {@code create}, {@code or}, {@code replace}, {@code function} or {@code procedure}. Only when
 * they read CREATE [OR REPLACE] FUNCTION/PROCEDURE does it count, outside parentheses, each
 * {@code BEGIN} up and each {@code END} down, and a {@code CASE} up once inside a {@code BEGIN}
 * (a CASE also ends with END). Elsewhere, such as a transaction's {@code BEGIN;}, nothing counts.
 */
final class BeginEndNesting {

    private static final int TRACKED_WORDS = 4;

    private final char[] leadingInitials = new char[TRACKED_WORDS];
    private int wordCount;
    private int depth;

    /** Feeds one identifier or keyword (not a quoted identifier) at the given parenthesis depth. */
    void word(String word, int parenDepth) {
        String lower = word.toLowerCase(Locale.ROOT);
        boolean tracked = switch (lower) {
            case "create", "or", "replace", "function", "procedure" -> true;
            default -> false;
        };
        if (tracked && wordCount < TRACKED_WORDS) {
            leadingInitials[wordCount] = lower.charAt(0);
        }
        wordCount++;
        if (!definesRoutine() || parenDepth != 0) {
            return;
        }
        switch (lower) {
            case "begin" -> depth++;
            case "case" -> depth += depth >= 1 ? 1 : 0;
            case "end" -> depth -= depth > 0 ? 1 : 0;
            default -> { }
        }
    }

    /** Whether a semicolon now is inside a function body and does not end the statement. */
    boolean insideBody() {
        return depth > 0;
    }

    private boolean definesRoutine() {
        char[] w = leadingInitials;
        return w[0] == 'c' && (w[1] == 'f' || w[1] == 'p'
                || w[1] == 'o' && w[2] == 'r' && (w[3] == 'f' || w[3] == 'p'));
    }
}
