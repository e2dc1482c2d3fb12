package dev.stepwise.it.lint;

import java.util.Map;

/**
 * What a statement does on PostgreSQL, as a lint rule says it does, to be checked on a server.
 *
 * @param rule       the rule that fires on it, or null for a safe statement no locking rule fires on
 * @param locks      table to the strongest lock mode the statement's backend holds on it
 *                   ({@code pg_locks.mode}, e.g. {@code ShareLock})
 * @param rewrite    whether the table's relfilenode changes
 * @param scan       whether the statement reads the whole table (a sequential scan in its
 *                   statistics), or null when that is not part of the claim
 * @param inTransaction whether it runs in a transaction block (else in autocommit, and its lock
 *                   is seen from another session while a reader makes it wait)
 * @param minVersion the oldest major version the claim is for
 * @param maxVersion the newest major version the claim is for
 */
record LockClaim(String name, String rule, String sql, Map<String, String> locks, String table, boolean rewrite,
                 Boolean scan, boolean inTransaction, int minVersion, int maxVersion) {

    static LockClaim hazard(String rule, String sql, String table, String mode, boolean rewrite, Boolean scan) {
        return new LockClaim(rule + ": " + sql, rule, sql, Map.of(table, mode), table, rewrite, scan, true, 13, 99);
    }

    static LockClaim safe(String sql, String table, String mode, boolean rewrite, Boolean scan) {
        return new LockClaim("safe: " + sql, null, sql, Map.of(table, mode), table, rewrite, scan, true, 13, 99);
    }

    LockClaim alsoLocks(String otherTable, String mode) {
        Map<String, String> more = new java.util.HashMap<>(locks);
        more.put(otherTable, mode);
        return new LockClaim(name, rule, sql, Map.copyOf(more), table, rewrite, scan, inTransaction, minVersion, maxVersion);
    }

    LockClaim outsideTransaction() {
        return new LockClaim(name, rule, sql, locks, table, rewrite, scan, false, minVersion, maxVersion);
    }

    LockClaim since(int version) {
        return new LockClaim(name + " (PostgreSQL " + version + "+)", rule, sql, locks, table, rewrite, scan,
                inTransaction, version, maxVersion);
    }

    LockClaim until(int version) {
        return new LockClaim(name + " (PostgreSQL " + minVersion + "-" + version + ")", rule, sql, locks, table,
                rewrite, scan, inTransaction, minVersion, version);
    }

    /** The words a rule's message uses for the mode: {@code ShareRowExclusiveLock} reads SHARE ROW EXCLUSIVE. */
    static String words(String mode) {
        return mode.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }
}
