package dev.stepwise.lint;

/**
 * A {@code -- stepwise:allow <rule-id> <reason>} line: it accepts the findings of one rule on the
 * statement below it, or, placed above {@code -- +up}, on the whole migration.
 *
 * @param line   the directive's line in the file
 * @param anchor the statement it stands above, or null for one above {@code -- +up}
 */
public record AllowDirective(String rule, String reason, int line, Finding.Anchor anchor) {

    public boolean migrationWide() {
        return anchor == null;
    }
}
