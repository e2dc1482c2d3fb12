package dev.stepwise.run;

import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.LockImpact;
import dev.stepwise.sql.Plan;
import dev.stepwise.sql.SqlStatement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a plan's statements group into steps: consecutive statements that share a transaction form
 * one step; every other statement is a step of its own. Computed in one pass that keeps a byte per
 * statement, never the statements.
 *
 * <p>An enum value added by {@code ALTER TYPE ... ADD VALUE} cannot be used before it commits
 * ("unsafe use of new value"), so when a later statement of the plan names the new label the
 * statement adding it becomes a step of its own; otherwise it stays in the transaction.
 */
public record StepLayout(List<Step> steps) {

    /** How a step runs. */
    public enum Kind {
        /** One or more statements in one transaction, committed with the step's record. */
        TRANSACTION,
        /** One statement in a transaction of its own, committed with the step's record. */
        OWN_TRANSACTION,
        /** One statement in autocommit: after a crash, what it did is read back from the database. */
        AUTOCOMMIT,
        /** One batched {@code UPDATE} or {@code DELETE}: keyset batches, each its own transaction. */
        BATCH;

        public boolean transactional() {
            return this == TRANSACTION || this == OWN_TRANSACTION;
        }
    }

    /**
     * Statements {@code [first, end)} of the plan.
     *
     * @param lock the strongest lock impact of its statements
     */
    public record Step(int first, int end, Kind kind, LockImpact lock) {

        public int size() {
            return end - first;
        }

        public boolean transactional() {
            return kind.transactional();
        }
    }

    public StepLayout {
        steps = List.copyOf(steps);
    }

    public static StepLayout of(Plan plan) {
        List<ExecutionMode> modes = new ArrayList<>();
        List<LockImpact> locks = new ArrayList<>();
        Map<String, Integer> pendingLabels = new HashMap<>();
        int index = 0;
        for (SqlStatement statement : plan) {
            if (!pendingLabels.isEmpty()) {
                for (String token : statement.tokens()) {
                    Integer adder = pendingLabels.remove(token);
                    if (adder != null) {
                        modes.set(adder, ExecutionMode.OWN_TRANSACTION);
                    }
                }
            }
            modes.add(statement.mode());
            locks.add(statement.lock());
            String label = statement.traits().addedEnumValue();
            if (label != null && statement.mode() == ExecutionMode.TRANSACTIONAL) {
                pendingLabels.put("'" + label.replace("'", "''") + "'", index);
            }
            index++;
        }
        return group(modes, locks);
    }

    private static StepLayout group(List<ExecutionMode> modes, List<LockImpact> locks) {
        List<Step> steps = new ArrayList<>();
        int groupStart = -1;
        LockImpact groupLock = LockImpact.MINOR;
        for (int i = 0; i < modes.size(); i++) {
            ExecutionMode mode = modes.get(i);
            if (mode == ExecutionMode.TRANSACTIONAL) {
                if (groupStart < 0) {
                    groupStart = i;
                    groupLock = LockImpact.MINOR;
                }
                groupLock = groupLock.max(locks.get(i));
                continue;
            }
            if (groupStart >= 0) {
                steps.add(new Step(groupStart, i, Kind.TRANSACTION, groupLock));
                groupStart = -1;
            }
            steps.add(new Step(i, i + 1, kindOf(mode), locks.get(i)));
        }
        if (groupStart >= 0) {
            steps.add(new Step(groupStart, modes.size(), Kind.TRANSACTION, groupLock));
        }
        if (steps.isEmpty()) {
            // A section without statements still moves the version table, in a transaction.
            steps.add(new Step(0, 0, Kind.TRANSACTION, LockImpact.MINOR));
        }
        return new StepLayout(steps);
    }

    private static Kind kindOf(ExecutionMode mode) {
        return switch (mode) {
            case TRANSACTIONAL, OWN_TRANSACTION -> Kind.OWN_TRANSACTION;
            case AUTOCOMMIT -> Kind.AUTOCOMMIT;
            case BATCHED -> Kind.BATCH;
        };
    }

    /** A migration that commits once, together with its version-table change. */
    public boolean isSingleTransaction() {
        return steps.size() == 1 && steps.get(0).kind() == Kind.TRANSACTION;
    }
}
