package dev.stepwise.sql;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text written as SQL line comments ({@code -- ...}), one per line of the text. The text may hold
 * names, and a name may hold a line break: it is cut at every break that ends a comment for
 * PostgreSQL, psql or Stepwise's own reader ({@code \n}, {@code \r}, {@code \r\n}), so no part of
 * a name can leave its comment and be read as a statement.
 */
public final class SqlComment {

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private SqlComment() {
    }

    /** The comment lines, each starting {@code -- }, without line ends. */
    public static List<String> lines(String text) {
        return Arrays.stream(LINE_BREAK.split(text)).map(l -> "-- " + l).toList();
    }

    /** The comment lines, each ending in a line feed. */
    public static String of(String text) {
        StringBuilder s = new StringBuilder();
        lines(text).forEach(l -> s.append(l).append('\n'));
        return s.toString();
    }
}
