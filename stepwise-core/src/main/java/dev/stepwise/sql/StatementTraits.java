package dev.stepwise.sql;

/**
 * What a dialect knows about one statement before it runs: how it runs and how much its locks
 * hold up other sessions.
 *
 * @param addedEnumValue the label an {@code ALTER TYPE ... ADD VALUE} adds, or null; the step
 *                       layout gives it a step of its own when a later statement uses it
 */
public record StatementTraits(ExecutionMode mode, LockImpact lock, String addedEnumValue) {

    public static StatementTraits of(ExecutionMode mode, LockImpact lock) {
        return new StatementTraits(mode, lock, null);
    }

    public StatementTraits withMode(ExecutionMode other) {
        return new StatementTraits(other, lock, addedEnumValue);
    }
}
