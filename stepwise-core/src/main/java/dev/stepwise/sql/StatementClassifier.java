package dev.stepwise.sql;

/**
 * Decides, per dialect, whether a statement may run in a transaction block. Dialects implement
 * it; core only asks.
 */
@FunctionalInterface
public interface StatementClassifier {

    ExecutionMode classify(ScriptItem.Statement statement);

    /** Everything transactional: for offline use where no dialect rule applies. */
    StatementClassifier ALL_TRANSACTIONAL = statement -> ExecutionMode.TRANSACTIONAL;
}
