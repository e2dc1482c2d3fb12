package dev.stepwise.source;

import dev.stepwise.sql.Directive;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and checks the text of a {@code -- stepwise:<name> ...} line. Known directives:
 * <ul>
 *   <li>{@code batch size=<n>|auto target=<duration> pause=<duration> flag=<setting>}, every key
 *       optional, each at most once; durations are a whole number with {@code ms}, {@code s} or
 *       {@code min}; a flag is a custom setting name with a dot ({@code stepwise.backfill});</li>
 *   <li>{@code allow <rule-id> <reason...>}: the rule id in kebab case and a reason of at least
 *       one word, kept as written (it is shown next to the finding it accepts).</li>
 * </ul>
 */
final class DirectiveSyntax {

    static final String BATCH = "batch";
    static final String ALLOW = "allow";

    private static final Set<String> BATCH_KEYS = Set.of("size", "target", "pause", "flag");
    private static final Pattern FLAG = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final Pattern RULE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|min)");
    private static final Pattern COUNT = Pattern.compile("\\d{1,9}");

    private DirectiveSyntax() {
    }

    /** The directive written as {@code -- stepwise:<text>} on {@code line}. */
    static Directive parse(String text, int line) {
        String[] words = text.strip().split("\\s+");
        String name = words[0];
        if (name.isEmpty() || !NAME.matcher(name).matches()) {
            throw new FormatViolation("`-- stepwise:" + text + "` names no directive; known: "
                    + BATCH + ", " + ALLOW);
        }
        return switch (name) {
            case BATCH -> batch(words, line);
            case ALLOW -> allow(text.strip(), words, line);
            default -> throw new FormatViolation("unknown directive `stepwise:" + name
                    + "`; known: " + BATCH + ", " + ALLOW);
        };
    }

    private static Directive batch(String[] words, int line) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw new FormatViolation("`stepwise:batch`: `" + word
                        + "` is not `key=value` (keys: size, target, pause, flag)");
            }
            String key = word.substring(0, eq);
            String value = word.substring(eq + 1);
            if (!BATCH_KEYS.contains(key)) {
                throw new FormatViolation("`stepwise:batch`: unknown key `" + key
                        + "` (keys: size, target, pause, flag)");
            }
            if (options.containsKey(key)) {
                throw new FormatViolation("`stepwise:batch`: `" + key + "` is given twice");
            }
            checkBatchValue(key, value);
            options.put(key, value);
        }
        return new Directive(BATCH, options, List.of(), line);
    }

    private static void checkBatchValue(String key, String value) {
        switch (key) {
            case "size" -> {
                if (!value.equals("auto")
                        && !(COUNT.matcher(value).matches() && Integer.parseInt(value) > 0)) {
                    throw new FormatViolation("`stepwise:batch`: size=`" + value
                            + "` is neither a positive number of rows nor `auto`");
                }
            }
            case "target" -> {
                if (!DURATION.matcher(value).matches() || durationIsZero(value)) {
                    throw new FormatViolation("`stepwise:batch`: target=`" + value
                            + "` is not a positive duration such as `50ms`, `2s` or `1min`");
                }
            }
            case "flag" -> {
                if (!FLAG.matcher(value).matches()) {
                    throw new FormatViolation("`stepwise:batch`: flag=`" + value
                            + "` is not a custom setting name such as `stepwise.backfill` (lowercase, with one dot)");
                }
            }
            default -> {
                if (!DURATION.matcher(value).matches()) {
                    throw new FormatViolation("`stepwise:batch`: pause=`" + value
                            + "` is not a duration such as `0ms`, `100ms` or `1s`");
                }
            }
        }
    }

    private static boolean durationIsZero(String value) {
        return value.replaceAll("[a-z]", "").chars().allMatch(c -> c == '0');
    }

    private static Directive allow(String text, String[] words, int line) {
        if (words.length < 2 || !RULE_ID.matcher(words[1]).matches()) {
            throw new FormatViolation("`stepwise:allow` needs a rule id in kebab case, e.g."
                    + " `-- stepwise:allow create-index-non-concurrently <reason>`");
        }
        String ruleId = words[1];
        String reason = text.substring(text.indexOf(ruleId, ALLOW.length()) + ruleId.length()).strip();
        if (reason.isEmpty()) {
            throw new FormatViolation("`stepwise:allow " + ruleId
                    + "` needs a reason: say why the finding is acceptable here");
        }
        return new Directive(ALLOW, Map.of(), List.of(ruleId, reason), line);
    }
}
