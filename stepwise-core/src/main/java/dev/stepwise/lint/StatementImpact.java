package dev.stepwise.lint;

import java.time.Duration;

/**
 * What one statement does to the tables it touches, for {@code plan}: the strongest lock it takes
 * on an existing table, the work it does under that lock, and roughly how long that takes here.
 *
 * @param lock          the lock mode on {@code table} (e.g. {@code ACCESS EXCLUSIVE}), or null when it
 *                      locks no table that existed before the migration
 * @param table         the table it is about, or null
 * @param size          that table's size as far as known
 * @param blocksTraffic whether the lock blocks the application's reads or writes (SHARE and stronger)
 * @param work          what it does: {@code instant}, {@code scan}, {@code rewrite}, {@code index build},
 *                      {@code row changes}, {@code concurrent build}, {@code validating scan}, {@code recompute}
 * @param estimate      how long the work takes, roughly, or null when the size is not known
 */
public record StatementImpact(int line, String statement, String lock, String table, TableSize size,
                              boolean blocksTraffic, String work, Duration estimate) {
}
