package dev.stepwise.postgres.statement;

import java.util.List;
import java.util.Locale;

/**
 * The tokens of one statement (as the splitter gives them: no whitespace, no comments, literals
 * whole), with the few questions the dialect asks of them: keywords at a position, names, and
 * where a keyword stands outside parentheses.
 */
public final class StatementTokens {

    private final List<String> tokens;

    public StatementTokens(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    public int size() {
        return tokens.size();
    }

    public String raw(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : "";
    }

    /** The token in upper case when it is a bare word, else as written; empty past the end. */
    public String word(int i) {
        String t = raw(i);
        return isBareWord(t) ? t.toUpperCase(Locale.ROOT) : t;
    }

    public boolean is(int i, String keyword) {
        return word(i).equals(keyword);
    }

    /** Whether the tokens from {@code i} are exactly these keywords. */
    public boolean isSequence(int i, String... keywords) {
        for (int k = 0; k < keywords.length; k++) {
            if (!is(i + k, keywords[k])) {
                return false;
            }
        }
        return true;
    }

    /** Whether the statement starts with these keywords. */
    public boolean startsWith(String... keywords) {
        return isSequence(0, keywords);
    }

    /** Index of the first occurrence of the keyword at parenthesis depth 0 from {@code from}, or -1. */
    public int topLevel(String keyword, int from) {
        return firstAtDepthZero(tokens, from, i -> is(i, keyword));
    }

    /** Whether the keyword occurs anywhere as a bare word, at any depth. */
    public boolean containsWord(String keyword) {
        for (int i = 0; i < tokens.size(); i++) {
            if (is(i, keyword)) {
                return true;
            }
        }
        return false;
    }

    /** The token lists between the commas at parenthesis depth 0, e.g. the items of a {@code SET} list. */
    public static List<List<String>> splitTopLevel(List<String> tokens) {
        List<List<String>> parts = new java.util.ArrayList<>();
        int start = 0;
        for (int i = topLevelIndex(tokens, ",", 0); i >= 0; i = topLevelIndex(tokens, ",", i + 1)) {
            parts.add(tokens.subList(start, i));
            start = i + 1;
        }
        if (start < tokens.size()) {
            parts.add(tokens.subList(start, tokens.size()));
        }
        return parts;
    }

    /** Index of the first token equal to {@code wanted} at parenthesis depth 0 from {@code from}, or -1. */
    public static int topLevelIndex(List<String> tokens, String wanted, int from) {
        return firstAtDepthZero(tokens, from, i -> tokens.get(i).equals(wanted));
    }

    private static int firstAtDepthZero(List<String> tokens, int from, java.util.function.IntPredicate matches) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("(") || t.equals("[")) {
                depth++;
            } else if (t.equals(")") || t.equals("]")) {
                depth--;
            } else if (i >= from && depth == 0 && matches.test(i)) {
                return i;
            }
        }
        return -1;
    }

    /** Commas at parenthesis depth 0: an {@code ALTER TABLE} with none has one subcommand. */
    public int topLevelCommas() {
        return splitTopLevel(tokens).size() - 1;
    }

    /** Whether the token at {@code i} can be (part of) a name. */
    public boolean isName(int i) {
        String t = raw(i);
        return !t.isEmpty() && (isBareWord(t) || t.startsWith("\"") || t.regionMatches(true, 0, "U&\"", 0, 3));
    }

    /** The name starting at {@code i} ({@code a}, {@code a.b}), or null if none starts there. */
    public QualifiedName nameAt(int i) {
        if (!isName(i)) {
            return null;
        }
        if (raw(i + 1).equals(".") && isName(i + 2)) {
            return new QualifiedName(QualifiedName.identifier(raw(i)), QualifiedName.identifier(raw(i + 2)));
        }
        return new QualifiedName(null, QualifiedName.identifier(raw(i)));
    }

    /** How many tokens the name at {@code i} spans (1 or 3), or 0. */
    public int nameLength(int i) {
        if (!isName(i)) {
            return 0;
        }
        return raw(i + 1).equals(".") && isName(i + 2) ? 3 : 1;
    }

    /** The index just past optional keywords at {@code i} (e.g. {@code IF EXISTS}, {@code ONLY}). */
    public int skip(int i, String... optional) {
        if (isSequence(i, optional)) {
            return i + optional.length;
        }
        return i;
    }

    /** The value of a string literal token ({@code 'it''s'}), or null if the token is not a plain one. */
    public String stringValue(int i) {
        String t = raw(i);
        if (t.length() >= 2 && t.startsWith("'") && t.endsWith("'")) {
            return t.substring(1, t.length() - 1).replace("''", "'");
        }
        return null;
    }

    public List<String> all() {
        return tokens;
    }

    private static boolean isBareWord(String t) {
        if (t.isEmpty()) {
            return false;
        }
        char c = t.charAt(0);
        return (Character.isLetter(c) || c == '_') && !t.contains("'") && !t.contains("\"");
    }
}
