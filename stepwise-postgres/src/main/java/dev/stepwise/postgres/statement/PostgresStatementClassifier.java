package dev.stepwise.postgres.statement;

import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.LockImpact;
import dev.stepwise.sql.ScriptItem;
import dev.stepwise.sql.StatementClassifier;
import dev.stepwise.sql.StatementTraits;

import java.util.Set;

/**
 * Knows which PostgreSQL statements cannot (or should not) share a transaction, and how much each
 * statement's locks hold up live traffic, so the runner gives each the right step and lock
 * timeout. What it does not recognise counts as queueing traffic: a short lock timeout with
 * retries is the safe default for an unknown statement, a long one is not.
 */
public final class PostgresStatementClassifier implements StatementClassifier {

    /** Objects whose creation locks nothing that ordinary traffic uses. */
    private static final Set<String> NEW_OBJECTS = Set.of("SEQUENCE", "TYPE", "DOMAIN", "FUNCTION", "PROCEDURE",
            "SCHEMA", "VIEW", "MATERIALIZED", "ROLE", "USER", "GROUP", "COLLATION", "CAST", "OPERATOR",
            "AGGREGATE", "TEXT", "CONVERSION", "EXTENSION", "PUBLICATION", "LANGUAGE", "ACCESS", "EVENT",
            "FOREIGN", "SERVER");
    private static final Set<String> DATA_STATEMENTS = Set.of("SELECT", "VALUES", "TABLE", "WITH", "INSERT",
            "UPDATE", "DELETE", "MERGE", "SET", "RESET", "SHOW", "DISCARD", "DEALLOCATE", "PREPARE", "NOTIFY",
            "LISTEN", "UNLISTEN", "GRANT", "REVOKE", "SECURITY", "EXPLAIN");

    private final int serverMajorVersion;

    public PostgresStatementClassifier(int serverMajorVersion) {
        this.serverMajorVersion = serverMajorVersion;
    }

    @Override
    public StatementTraits classify(ScriptItem.Statement statement) {
        return classify(new StatementTokens(statement.tokens()));
    }

    StatementTraits classify(StatementTokens t) {
        String first = t.word(0);
        return switch (first) {
            case "CREATE" -> create(t);
            case "DROP" -> drop(t);
            case "REINDEX" -> reindex(t);
            case "VACUUM" -> StatementTraits.of(ExecutionMode.AUTOCOMMIT,
                    t.containsWord("FULL") ? LockImpact.QUEUES_TRAFFIC : LockImpact.SHARE_UPDATE_EXCLUSIVE);
            case "ANALYZE", "ANALYSE", "COMMENT" -> inTransaction(LockImpact.SHARE_UPDATE_EXCLUSIVE);
            case "CLUSTER" -> t.size() == 1 || t.size() == 2 && t.is(1, "VERBOSE")
                    ? StatementTraits.of(ExecutionMode.AUTOCOMMIT, LockImpact.QUEUES_TRAFFIC)
                    : inTransaction(LockImpact.QUEUES_TRAFFIC);
            case "ALTER" -> alter(t);
            default -> inTransaction(DATA_STATEMENTS.contains(first) ? LockImpact.MINOR : LockImpact.QUEUES_TRAFFIC);
        };
    }

    private StatementTraits create(StatementTokens t) {
        int i = 1;
        boolean orReplace = t.isSequence(1, "OR", "REPLACE");
        if (orReplace) {
            i = 3;
        }
        i = t.skip(i, "UNIQUE");
        if (t.is(i, "INDEX")) {
            return t.is(i + 1, "CONCURRENTLY")
                    ? StatementTraits.of(ExecutionMode.AUTOCOMMIT, LockImpact.SHARE_UPDATE_EXCLUSIVE)
                    : inTransaction(LockImpact.QUEUES_TRAFFIC);
        }
        if (t.is(i, "DATABASE") || t.is(i, "TABLESPACE") || t.is(i, "SUBSCRIPTION")) {
            return StatementTraits.of(ExecutionMode.AUTOCOMMIT, LockImpact.MINOR);
        }
        i = t.skip(t.skip(t.skip(i, "GLOBAL"), "LOCAL"), "TEMPORARY");
        i = t.skip(t.skip(t.skip(i, "TEMP"), "UNLOGGED"), "RECURSIVE");
        if (t.is(i, "TABLE")) {
            // A new table locks only what it points at: a referenced table (SHARE ROW EXCLUSIVE) or a
            // partitioned parent (ACCESS EXCLUSIVE).
            boolean touchesOthers = t.containsWord("REFERENCES") || t.isSequence(t.topLevel("PARTITION", i), "PARTITION", "OF")
                    || t.topLevel("INHERITS", i) >= 0;
            return inTransaction(touchesOthers ? LockImpact.QUEUES_TRAFFIC : LockImpact.MINOR);
        }
        if (t.is(i, "STATISTICS")) {
            return inTransaction(LockImpact.SHARE_UPDATE_EXCLUSIVE);
        }
        // Replacing a view takes ACCESS EXCLUSIVE on it, and readers of the view queue behind that.
        if (orReplace && t.is(i, "VIEW")) {
            return inTransaction(LockImpact.QUEUES_TRAFFIC);
        }
        return inTransaction(NEW_OBJECTS.contains(t.word(i)) ? LockImpact.MINOR : LockImpact.QUEUES_TRAFFIC);
    }

    private StatementTraits drop(StatementTokens t) {
        if (t.isSequence(1, "INDEX", "CONCURRENTLY")) {
            return StatementTraits.of(ExecutionMode.AUTOCOMMIT, LockImpact.SHARE_UPDATE_EXCLUSIVE);
        }
        if (t.is(1, "DATABASE") || t.is(1, "TABLESPACE") || t.is(1, "SUBSCRIPTION")) {
            return StatementTraits.of(ExecutionMode.AUTOCOMMIT, LockImpact.MINOR);
        }
        boolean routine = t.is(1, "FUNCTION") || t.is(1, "PROCEDURE") || t.is(1, "ROUTINE") || t.is(1, "AGGREGATE")
                || t.is(1, "ROLE") || t.is(1, "USER");
        return inTransaction(routine ? LockImpact.MINOR : LockImpact.QUEUES_TRAFFIC);
    }

    private StatementTraits reindex(StatementTokens t) {
        if (t.containsWord("CONCURRENTLY")) {
            return StatementTraits.of(ExecutionMode.AUTOCOMMIT, LockImpact.SHARE_UPDATE_EXCLUSIVE);
        }
        int i = t.raw(1).equals("(") ? t.topLevel("SYSTEM", 1) : 1;
        boolean wholeDatabase = t.containsWord("SYSTEM") || t.containsWord("DATABASE") && i >= 0;
        return wholeDatabase ? StatementTraits.of(ExecutionMode.AUTOCOMMIT, LockImpact.QUEUES_TRAFFIC)
                : inTransaction(LockImpact.QUEUES_TRAFFIC);
    }

    private StatementTraits alter(StatementTokens t) {
        if (t.is(1, "SYSTEM")) {
            return StatementTraits.of(ExecutionMode.AUTOCOMMIT, LockImpact.MINOR);
        }
        if (t.is(1, "DATABASE") && t.containsWord("TABLESPACE")) {
            return StatementTraits.of(ExecutionMode.AUTOCOMMIT, LockImpact.QUEUES_TRAFFIC);
        }
        if (t.is(1, "TYPE")) {
            return alterType(t);
        }
        if (t.is(1, "TABLE")) {
            return alterTable(t);
        }
        boolean minor = t.is(1, "FUNCTION") || t.is(1, "PROCEDURE") || t.is(1, "ROUTINE") || t.is(1, "ROLE")
                || t.is(1, "USER") || t.is(1, "DEFAULT") || t.is(1, "EXTENSION");
        return inTransaction(minor ? LockImpact.MINOR : LockImpact.QUEUES_TRAFFIC);
    }

    private StatementTraits alterTable(StatementTokens t) {
        int detach = t.topLevel("DETACH", 2);
        if (detach >= 0 && t.is(detach + 1, "PARTITION") && t.is(t.size() - 1, "CONCURRENTLY")) {
            return StatementTraits.of(ExecutionMode.AUTOCOMMIT, LockImpact.SHARE_UPDATE_EXCLUSIVE);
        }
        int validate = t.topLevel("VALIDATE", 2);
        if (validate >= 0 && t.is(validate + 1, "CONSTRAINT") && t.topLevelCommas() == 0) {
            // In a transaction of its own: its scan must not keep the lock of the statement before it.
            return StatementTraits.of(ExecutionMode.OWN_TRANSACTION, LockImpact.SHARE_UPDATE_EXCLUSIVE);
        }
        return inTransaction(LockImpact.QUEUES_TRAFFIC);
    }

    /** {@code ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'label' ...}: locks the type only. */
    private StatementTraits alterType(StatementTokens t) {
        int add = 2 + t.nameLength(2);
        if (!t.isSequence(add, "ADD", "VALUE")) {
            return inTransaction(LockImpact.QUEUES_TRAFFIC);
        }
        if (serverMajorVersion < 12) {
            return StatementTraits.of(ExecutionMode.AUTOCOMMIT, LockImpact.MINOR);
        }
        String label = t.stringValue(t.skip(add + 2, "IF", "NOT", "EXISTS"));
        return new StatementTraits(ExecutionMode.TRANSACTIONAL, LockImpact.MINOR, label);
    }

    private static StatementTraits inTransaction(LockImpact lock) {
        return StatementTraits.of(ExecutionMode.TRANSACTIONAL, lock);
    }
}
