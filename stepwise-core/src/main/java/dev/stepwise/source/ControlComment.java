package dev.stepwise.source;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a whole-line {@code --} comment of a migration file means: a section marker, a
 * directive, a header line, or just a comment.
 *
 * <p>The first three are <em>control comments</em>: the statement splitter ends a statement in
 * progress at one of them, and rejects one inside a quoted string or body, so a marker can never
 * hide inside SQL text.
 */
sealed interface ControlComment {

    /** {@code -- +up} or {@code -- +down}; {@code direction} is null for a misspelt marker. */
    record SectionMarker(Direction direction, String written) implements ControlComment {
    }

    /** {@code -- stepwise:<name> ...}; {@code text} is what follows {@code stepwise:}. */
    record DirectiveLine(String text) implements ControlComment {
    }

    /**
     * {@code -- key: value} with a lowercase key, known or not; {@code known} tells which. A
     * key that is a known one in other case is reported as such ({@code caseMismatch}).
     */
    record HeaderLine(String key, String value, boolean known, boolean caseMismatch)
            implements ControlComment {
    }

    /** Any other comment. */
    record Plain() implements ControlComment {
    }

    Pattern MARKER = Pattern.compile("\\+([A-Za-z]+)");
    Pattern DIRECTIVE = Pattern.compile("stepwise:(.*)");
    Pattern HEADER = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\s*:(.*)");

    /**
     * Classifies a comment's text: what follows {@code --}, with or without the {@code --}
     * itself (the splitter's predicate may see either).
     */
    static ControlComment of(String comment) {
        String text = comment.strip();
        if (text.startsWith("--")) {
            text = text.substring(2).strip();
        }
        Matcher marker = MARKER.matcher(text);
        if (marker.matches()) {
            String word = marker.group(1);
            Direction direction = word.equals("up") ? Direction.UP
                    : word.equals("down") ? Direction.DOWN : null;
            return new SectionMarker(direction, text);
        }
        Matcher directive = DIRECTIVE.matcher(text);
        if (directive.matches()) {
            return new DirectiveLine(directive.group(1).strip());
        }
        Matcher header = HEADER.matcher(text);
        if (header.matches()) {
            String key = header.group(1);
            String lower = key.toLowerCase(Locale.ROOT);
            boolean known = HeaderKey.of(lower).isPresent();
            boolean isLower = key.equals(lower);
            if (isLower || known) {
                return new HeaderLine(key, header.group(2).strip(), known && isLower, !isLower);
            }
        }
        return new Plain();
    }

    /**
     * The splitter's predicate: section markers, directives and known header keys end a
     * statement; any other {@code word: text} comment inside a statement (an unknown key, or a
     * known one in other case) is just a comment and stays in the statement.
     */
    static boolean isControl(String comment) {
        ControlComment kind = of(comment);
        return kind instanceof SectionMarker
                || kind instanceof DirectiveLine
                || kind instanceof HeaderLine line && line.known();
    }
}
