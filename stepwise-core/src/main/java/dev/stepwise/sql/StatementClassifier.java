package dev.stepwise.sql;

/**
 * Decides, per dialect, how a statement runs and how much its locks hold up other sessions.
 * Dialects implement it; core only asks.
 */
@FunctionalInterface
public interface StatementClassifier {

    StatementTraits classify(ScriptItem.Statement statement);

    /** Everything transactional and assumed to queue traffic: for offline use where no dialect rule applies. */
    StatementClassifier ALL_TRANSACTIONAL =
            statement -> StatementTraits.of(ExecutionMode.TRANSACTIONAL, LockImpact.QUEUES_TRAFFIC);
}
