package dev.stepwise.compat;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares a statement's description before the pending expand migrations with the one after:
 * what running code would trip on is a failure, a result that only grows at its end a warning.
 */
public final class ShapeComparison {

    /** The hazard a trailing column brings, and the driver setting that avoids it. */
    public static final String CACHED_PLAN_HAZARD = "a statement pgjdbc has prepared on the server fails once with"
            + " \"cached plan must not change result type\"; autosave=conservative on the JDBC URL re-prepares and"
            + " retries it";

    /** The verdict and what changed. */
    public record Judgement(Verdict verdict, List<String> changes) {

        public Judgement {
            changes = List.copyOf(changes);
        }
    }

    private ShapeComparison() {
    }

    /** @param before the description on the current schema; it must prepare */
    public static Judgement judge(Description before, Description after) {
        if (!before.prepares()) {
            throw new IllegalArgumentException("only a statement that prepares now can be judged");
        }
        if (!after.prepares()) {
            return new Judgement(Verdict.FAILURE, List.of("no longer prepares: " + after.error()));
        }
        List<String> breaking = differences(before.shape(), after.shape());
        if (!breaking.isEmpty()) {
            return new Judgement(Verdict.FAILURE, breaking);
        }
        List<ResultColumn> was = before.shape().columns();
        List<ResultColumn> now = after.shape().columns();
        if (now.size() > was.size()) {
            List<String> added = now.subList(was.size(), now.size()).stream().map(c -> c.name() + " " + c.type())
                    .toList();
            return new Judgement(Verdict.WARNING, List.of("gains trailing column" + (added.size() == 1 ? " " : "s ")
                    + String.join(", ", added) + ": " + CACHED_PLAN_HAZARD));
        }
        return new Judgement(Verdict.OK, List.of());
    }

    /**
     * What the running code would trip on between two shapes of a statement: a parameter of
     * another type, a result column renamed, retyped, given another modifier, moved or gone.
     * Columns added at the end are not among them.
     */
    public static List<String> differences(StatementShape before, StatementShape after) {
        List<String> changes = new ArrayList<>();
        int parameters = Math.max(before.parameters().size(), after.parameters().size());
        for (int i = 0; i < parameters; i++) {
            String was = i < before.parameters().size() ? before.parameters().get(i) : "(none)";
            String now = i < after.parameters().size() ? after.parameters().get(i) : "(none)";
            if (!was.equals(now)) {
                changes.add("parameter $" + (i + 1) + ": " + was + " -> " + now);
            }
        }
        List<ResultColumn> was = before.columns();
        List<ResultColumn> now = after.columns();
        for (int i = 0; i < Math.min(was.size(), now.size()); i++) {
            ResultColumn a = was.get(i);
            ResultColumn b = now.get(i);
            if (!a.name().equals(b.name())) {
                changes.add("result column " + (i + 1) + " is " + b.name() + " " + b.type() + ", was " + a.name() + " "
                        + a.type());
            } else if (!a.sameTypeAs(b)) {
                changes.add(a.shown() + ": " + a.type() + " -> " + b.type());
            }
        }
        if (now.size() < was.size()) {
            List<String> gone = was.subList(now.size(), was.size()).stream().map(ResultColumn::name).toList();
            changes.add("no longer returns " + String.join(", ", gone));
        }
        return changes;
    }
}
