package dev.stepwise.lint;

/**
 * One thing a rule found, at a place in a migration file.
 *
 * @param file      the migration file
 * @param line      1-based line of the part of the statement the finding is about
 * @param column    1-based column there
 * @param length    how many characters to underline on that line (at least 1)
 * @param statement the statement's text, or null for a finding about the migration as a whole
 * @param anchor    where the statement starts (the place its {@code -- stepwise:allow} directives
 *                  belong to), or null for a finding about the migration as a whole
 * @param message   one sentence of what happens (the lock, what it blocks, for how long here)
 * @param help      the safe alternative
 * @param fix       the rewritten SQL where the fix is mechanical, else null
 */
public record Finding(String rule, Severity severity, String file, int line, int column, int length,
                      String statement, Anchor anchor, String message, String help, String fix) {

    /** The first token of a statement. */
    public record Anchor(int line, int column) {
    }

    public Finding withSeverity(Severity other) {
        return new Finding(rule, other, file, line, column, length, statement, anchor, message, help, fix);
    }
}
