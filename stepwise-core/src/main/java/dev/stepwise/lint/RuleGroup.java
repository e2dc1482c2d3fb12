package dev.stepwise.lint;

import java.util.Locale;

/** What kind of hazard a rule is about. */
public enum RuleGroup {
    /** Locks that block traffic, and for how long: index builds, rewrites, validating scans. */
    LOCKING,
    /** Changes the running code trips on: dropped, renamed or narrowed objects, new required columns. */
    COMPATIBILITY,
    /** Data changes that are too big for one transaction, or lose data. */
    DATA,
    /** What one transaction holds while it does something else. */
    TRANSACTION,
    /** Whether the {@code +down} undoes the {@code +up}, and at what cost. */
    REVERSIBILITY,
    /** About the lint directives themselves (an allow that accepts nothing). */
    DIRECTIVES;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
