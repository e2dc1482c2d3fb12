package dev.stepwise.expand;

import dev.stepwise.StepwiseException;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of a generator option on {@code revision}, such as {@code --rename-column
 * TABLE.OLD:NEW} or {@code --change-type TABLE.OLD:NEW:TYPE}, read with SQL's double-quote rules:
 * fields are separated by {@code :}, a field's names by {@code .}, and a name in double quotes
 * ({@code "Order Items"}, {@code "a""b"} for {@code a"b}) may hold either separator, spaces and
 * any case. An unquoted name is kept as written with {@link Name#quoted()} false, for the dialect
 * to fold ({@code Orders} is {@code orders} on PostgreSQL). The last field of a form may be free
 * text (a type such as {@code numeric(12,2)} or {@code timestamp with time zone}).
 *
 * @param option the option, for messages ({@code --rename-column})
 * @param fields the fields before the free text, each a list of names
 * @param rest   the free text after the last separated field, or null when the form has none
 */
public record GeneratorArgument(String option, List<List<Name>> fields, String rest) {

    /** One name of a path: its text as written (without the quotes), and whether it was quoted. */
    public record Name(String text, boolean quoted) {

        /**
         * The name as SQL reads it: a quoted name as written, an unquoted one with its ASCII letters
         * in lower case. Only ASCII, as PostgreSQL and MySQL fold names: {@code Ärger} stays {@code Ärger}.
         */
        public String folded() {
            if (quoted) {
                return text;
            }
            StringBuilder s = new StringBuilder(text.length());
            text.chars().forEach(c -> s.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : (char) c));
            return s.toString();
        }
    }

    public GeneratorArgument {
        fields = fields.stream().map(List::copyOf).toList();
    }

    /**
     * Reads {@code value}: one field of names per entry of {@code minNames}, separated by
     * {@code :}, then with {@link FreeText#LAST} everything after the next {@code :} as free text.
     *
     * @param form     the expected shape, for messages ({@code TABLE.OLD:NEW})
     * @param minNames the fewest names each field needs, in order ({@code [2, 1]}: a column path, then a name)
     * @param maxNames the most names each field may have ({@code [3, 1]}: the path may name a schema)
     * @throws StepwiseException (bad input) naming the option, the value and what is wrong
     */
    public static GeneratorArgument parse(String option, String form, String value, int[] minNames, int[] maxNames,
                                          FreeText freeText) {
        List<List<Name>> fields = new ArrayList<>();
        List<Name> names = new ArrayList<>();
        int i = 0;
        int n = value.length();
        String rest = null;
        while (true) {
            if (freeText == FreeText.LAST && fields.size() == minNames.length) {
                rest = value.substring(i).strip();
                if (rest.isEmpty()) {
                    throw bad(option, form, value, "nothing after the last ':'");
                }
                break;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            boolean quoted = false;
            if (i < n && value.charAt(i) == '"') {
                quoted = true;
                i++;
                while (true) {
                    if (i >= n) {
                        throw bad(option, form, value, "a double quote opened at character " + (start + 1)
                                + " is never closed");
                    }
                    char c = value.charAt(i++);
                    if (c == '"') {
                        if (i < n && value.charAt(i) == '"') {
                            text.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        text.append(c);
                    }
                }
            } else {
                while (i < n && value.charAt(i) != '.' && value.charAt(i) != ':') {
                    char c = value.charAt(i);
                    if (c == '"' || Character.isWhitespace(c)) {
                        throw bad(option, form, value, (c == '"' ? "a double quote" : "a space")
                                + " inside an unquoted name at character " + (i + 1) + " (quote the whole name)");
                    }
                    text.append(c);
                    i++;
                }
            }
            if (text.isEmpty()) {
                throw bad(option, form, value, "an empty name at character " + (start + 1));
            }
            names.add(new Name(text.toString(), quoted));
            if (i < n && value.charAt(i) == '.') {
                i++;
                continue;
            }
            fields.add(names);
            names = new ArrayList<>();
            if (i >= n) {
                break;
            }
            if (value.charAt(i) != ':') {
                throw bad(option, form, value, "'" + value.charAt(i) + "' after a quoted name at character " + (i + 1));
            }
            i++;
            if (fields.size() == maxNames.length && freeText == FreeText.NONE) {
                throw bad(option, form, value, "more fields than " + form + " has");
            }
        }
        if (fields.size() != minNames.length || freeText == FreeText.LAST && rest == null) {
            throw bad(option, form, value, fields.size() <= minNames.length ? "too few fields" : "too many fields");
        }
        for (int f = 0; f < fields.size(); f++) {
            int count = fields.get(f).size();
            if (count < minNames[f] || count > maxNames[f]) {
                throw bad(option, form, value, "field " + (f + 1) + " has " + count + (count == 1 ? " name" : " names")
                        + (minNames[f] == maxNames[f] ? ", not " + minNames[f]
                        : ", not " + minNames[f] + " to " + maxNames[f]));
            }
        }
        return new GeneratorArgument(option, fields, rest);
    }

    /** Whether the form ends in free text after its last {@code :}. */
    public enum FreeText {
        NONE,
        LAST
    }

    private static StepwiseException bad(String option, String form, String value, String why) {
        return new StepwiseException(StepwiseException.Category.BAD_INPUT,
                option + " " + value + ": " + why + "; expected " + form
                        + " (double-quote a name that holds '.', ':', a space, a quote or capitals to keep)");
    }
}
