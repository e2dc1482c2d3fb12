package dev.stepwise.reliability.identifiers;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Names as the scenario itself writes them, in its own migrations, schema files and generator
 * options: always quoted, by this class alone, so that a fault switched off in Stepwise's
 * quoting never changes the scenario's own setup.
 */
final class Written {

    private Written() {
    }

    /** An identifier, double-quoted with its double quotes doubled. */
    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A dotted name, each part quoted: {@code "s"."t"}. */
    static String qualified(String... parts) {
        return Arrays.stream(parts).map(Written::ident).collect(Collectors.joining("."));
    }

    /** A string literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A generator option's path ({@code "s"."t"."c"}), in the option's own double-quote syntax. */
    static String path(String... parts) {
        return qualified(parts);
    }
}
