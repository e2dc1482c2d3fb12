package dev.stepwise.postgres.lint;

/**
 * Which section a statement is in, and which phase it behaves as: the {@code +down} of an
 * expand migration removes what the old code never used, like a contract; the {@code +down} of a
 * contract migration puts back what the old code needs, like an expand.
 */
public enum Section {
    UP, DOWN
}
