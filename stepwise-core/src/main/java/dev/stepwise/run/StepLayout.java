package dev.stepwise.run;

import dev.stepwise.sql.Plan;
import dev.stepwise.sql.SqlStatement;

import java.util.ArrayList;
import java.util.List;

/**
 * How a plan's statements group into steps: consecutive transactional statements share one
 * transaction; each statement that cannot run in a transaction is a step of its own. Computed in
 * one pass that keeps only statement counts, never the statements.
 */
public record StepLayout(List<Step> steps) {

    /**
     * Statements {@code [first, end)} of the plan.
     *
     * @param transactional whether the step runs as one transaction
     */
    public record Step(int first, int end, boolean transactional) {

        public int size() {
            return end - first;
        }
    }

    public StepLayout {
        steps = List.copyOf(steps);
    }

    public static StepLayout of(Plan plan) {
        List<Step> steps = new ArrayList<>();
        int index = 0;
        int groupStart = -1;
        for (SqlStatement statement : plan) {
            if (statement.runsInTransaction()) {
                if (groupStart < 0) {
                    groupStart = index;
                }
            } else {
                if (groupStart >= 0) {
                    steps.add(new Step(groupStart, index, true));
                    groupStart = -1;
                }
                steps.add(new Step(index, index + 1, false));
            }
            index++;
        }
        if (groupStart >= 0) {
            steps.add(new Step(groupStart, index, true));
        }
        if (steps.isEmpty()) {
            // A section without statements still moves the version table, in a transaction.
            steps.add(new Step(0, 0, true));
        }
        return new StepLayout(steps);
    }

    /** A migration that commits once, together with its version-table change. */
    public boolean isSingleTransaction() {
        return steps.size() == 1 && steps.get(0).transactional();
    }
}
