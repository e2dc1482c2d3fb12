package dev.stepwise.postgres;

import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.ScriptItem;
import dev.stepwise.sql.StatementClassifier;

import java.util.List;

/**
 * Knows which PostgreSQL statements cannot run inside a transaction block, so the runner gives
 * each of them a step of its own (see "Must not run inside a transaction block" in the reference).
 */
final class PostgresStatementClassifier implements StatementClassifier {

    private final int serverMajorVersion;

    PostgresStatementClassifier(int serverMajorVersion) {
        this.serverMajorVersion = serverMajorVersion;
    }

    @Override
    public ExecutionMode classify(ScriptItem.Statement statement) {
        return mustRunOutsideTransaction(statement.leadingKeywords(12), statement.tokens())
                ? ExecutionMode.AUTOCOMMIT
                : ExecutionMode.TRANSACTIONAL;
    }

    private boolean mustRunOutsideTransaction(List<String> head, List<String> tokens) {
        if (head.isEmpty()) {
            return false;
        }
        String first = head.get(0);
        return switch (first) {
            case "CREATE" -> isConcurrentIndex(head, 1)
                    || startsWith(head, "CREATE", "DATABASE")
                    || startsWith(head, "CREATE", "TABLESPACE")
                    || startsWith(head, "CREATE", "SUBSCRIPTION");
            case "DROP" -> isConcurrentIndex(head, 1)
                    || startsWith(head, "DROP", "DATABASE")
                    || startsWith(head, "DROP", "TABLESPACE")
                    || startsWith(head, "DROP", "SUBSCRIPTION");
            case "REINDEX" -> containsKeyword(head, "CONCURRENTLY")
                    || startsWith(head, "REINDEX", "SYSTEM")
                    || startsWith(head, "REINDEX", "DATABASE");
            case "VACUUM" -> true;
            case "ALTER" -> startsWith(head, "ALTER", "SYSTEM")
                    || startsWith(head, "ALTER", "DATABASE") && containsKeyword(head, "TABLESPACE")
                    || isConcurrentDetach(tokens)
                    || isEnumAddValue(head) && serverMajorVersion < 12;
            default -> false;
        };
    }

    /** {@code CREATE [UNIQUE] INDEX CONCURRENTLY} and {@code DROP INDEX CONCURRENTLY}. */
    private static boolean isConcurrentIndex(List<String> head, int from) {
        int i = from;
        if (i < head.size() && head.get(i).equals("UNIQUE")) {
            i++;
        }
        return i + 1 < head.size() && head.get(i).equals("INDEX") && head.get(i + 1).equals("CONCURRENTLY");
    }

    /** {@code ALTER TABLE ... DETACH PARTITION name CONCURRENTLY} (PostgreSQL 14+). */
    private static boolean isConcurrentDetach(List<String> tokens) {
        int size = tokens.size();
        if (size < 2 || !tokens.get(size - 1).equalsIgnoreCase("CONCURRENTLY")) {
            return false;
        }
        for (int i = 0; i + 1 < size; i++) {
            if (tokens.get(i).equalsIgnoreCase("DETACH") && tokens.get(i + 1).equalsIgnoreCase("PARTITION")) {
                return true;
            }
        }
        return false;
    }

    /** {@code ALTER TYPE name ADD VALUE ...}: not allowed in a transaction block before PostgreSQL 12. */
    private static boolean isEnumAddValue(List<String> head) {
        return startsWith(head, "ALTER", "TYPE") && head.size() > 4
                && (head.get(3).equals("ADD") && head.get(4).equals("VALUE")
                || head.size() > 6 && head.get(3).equals(".") && head.get(5).equals("ADD") && head.get(6).equals("VALUE"));
    }

    private static boolean startsWith(List<String> head, String... words) {
        if (head.size() < words.length) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!head.get(i).equals(words[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsKeyword(List<String> head, String word) {
        return head.contains(word);
    }
}
