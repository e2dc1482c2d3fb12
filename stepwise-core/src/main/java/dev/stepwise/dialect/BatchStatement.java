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
     * One batch: the next {@code size} keys after {@code after} (from the start when null), no
     * further than {@code upTo} (no limit when null); with {@code matchingOnly}, only keys of rows
     * that still match the {@code WHERE} (a catch-up pass). Returns one row: the batch's last key (nulls when no key
     * was left), the number of keys it covered, and the number of rows it changed.
     */
    String batch(List<String> after, List<String> upTo, int size, boolean matchingOnly);

    /** How many key columns there are: the width of a key in the rows above. */
    int keyWidth();
}
