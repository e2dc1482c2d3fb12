package dev.stepwise.postgres.lint;

import dev.stepwise.lint.RuleInfo;

/** A rule about a migration as a whole (its {@code +down} against its {@code +up}). */
public interface MigrationRule {

    RuleInfo info();

    void check(MigrationContext ctx);
}
