package dev.stepwise.dialect;

import java.util.List;

/**
 * The SQL of one batched statement, walking its table in primary-key order. Keys travel as
 * text, one string per key column, as the queries below return them.
 */
public interface BatchStatement {

    /** The table, as the statement names it. */
    String table();

    /** One row: the largest key now (the end of the walk over the keys present at the start); no row when the table is empty. */
    String lastKeyQuery();

    /** One row, one number: the table's estimated row count from its statistics, or -1 when unknown. */
    String estimatedRowsQuery();

    /** One row, one number: how many rows still match the statement's {@code WHERE}. */
    String remainingQuery();

    /**
     * Where the next batch ends: one row with the key {@code size} keys after {@code after} (from
     * the start when null) and no further than {@code upTo}; with {@code matchingOnly}, counting
     * only keys of rows that still match the {@code WHERE} (a catch-up pass). No row when fewer
     * keys are left: the batch then runs up to {@code upTo}. An index-only walk of the key.
     */
    String batchEndQuery(List<String> after, List<String> upTo, int size, boolean matchingOnly);

    /**
     * The statement itself over the keys after {@code after} (from the start when null) up to and
     * including {@code end} (no limit when null), with its own {@code WHERE}; its update count is
     * the rows it changed.
     */
    String batch(List<String> after, List<String> end);

    /**
     * The statement that turns {@code flag} on for the current transaction alone (a batch's), so
     * a trigger can tell the batch's writes from the application's.
     */
    String flagStatement(String flag);

    /** How many key columns there are: the width of a key in the rows above. */
    int keyWidth();
}
