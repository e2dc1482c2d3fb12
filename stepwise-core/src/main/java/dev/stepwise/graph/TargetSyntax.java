package dev.stepwise.graph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the text of a target; knows nothing of any graph. */
final class TargetSyntax {

    private static final Pattern RELATIVE = Pattern.compile("([+-])([0-9]+)");
    private static final Pattern OFFSET = Pattern.compile("(.+?)([+-])([0-9]+)");
    private static final Pattern REVISION = Pattern.compile("[a-z0-9_]+");

    private TargetSyntax() {
    }

    static Target parse(String text) {
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            return new Target.Relative(steps(text, relative.group(1), relative.group(2)));
        }
        Matcher offset = OFFSET.matcher(text);
        if (offset.matches()) {
            Target anchor = parseSimple(offset.group(1), text);
            if (!(anchor instanceof Target.Id || anchor instanceof Target.BranchHead || anchor instanceof Target.Head)) {
                throw new InvalidTargetException(text, "a relative step can start from a revision,"
                        + " label@head or head, not from " + offset.group(1));
            }
            return new Target.Offset(anchor, steps(text, offset.group(2), offset.group(3)));
        }
        return parseSimple(text, text);
    }

    private static Target parseSimple(String part, String text) {
        switch (part) {
            case "base":
                return new Target.Base();
            case "head":
                return new Target.Head();
            case "heads":
                return new Target.Heads();
            default:
                break;
        }
        int at = part.lastIndexOf('@');
        if (at > 0) {
            String label = part.substring(0, at);
            String end = part.substring(at + 1);
            if (end.equals("head")) {
                return new Target.BranchHead(label);
            }
            if (end.equals("base")) {
                return new Target.BranchBase(label);
            }
            throw new InvalidTargetException(text, "after '@' comes head or base, as in " + label + "@head");
        }
        if (!REVISION.matcher(part).matches()) {
            throw new InvalidTargetException(text, "expected head, heads, base, a revision id or prefix,"
                    + " label@head, label@base, +N, -N, REV+N or REV-N");
        }
        return new Target.Id(part);
    }

    private static int steps(String text, String sign, String digits) {
        int steps;
        try {
            steps = Integer.parseInt(digits);
        } catch (NumberFormatException tooLarge) {
            throw new InvalidTargetException(text, "the step count " + digits + " is too large");
        }
        if (steps == 0) {
            throw new InvalidTargetException(text, "the step count must be at least 1");
        }
        return sign.equals("-") ? -steps : steps;
    }
}
