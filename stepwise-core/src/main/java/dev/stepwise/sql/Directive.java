package dev.stepwise.sql;

import java.util.List;
import java.util.Map;

/**
 * A {@code -- stepwise:<name> ...} comment line governing the statement below it.
 *
 * @param name      the directive's name, e.g. {@code batch} or {@code allow}
 * @param options   its {@code key=value} words, in file order
 * @param arguments its other words, in order (for {@code allow}: the rule id, then the reason)
 * @param line      1-based line in the migration file
 */
public record Directive(String name, Map<String, String> options, List<String> arguments, int line) {

    public Directive {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
        arguments = List.copyOf(arguments);
    }

    /** The directive as it would be written, options in file order; used by the checksum. */
    public String canonicalText() {
        StringBuilder text = new StringBuilder(name);
        options.forEach((k, v) -> text.append(' ').append(k).append('=').append(v));
        arguments.forEach(a -> text.append(' ').append(a));
        return text.toString();
    }
}
