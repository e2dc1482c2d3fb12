package dev.stepwise.postgres.lint;

import dev.stepwise.lint.RuleInfo;

/** One rule, judging one statement at a time (one class per rule, all listed in {@link RuleCatalogue}). */
public interface LintRule {

    RuleInfo info();

    /** Reports what the statement in {@code ctx} does that the rule is about, if anything. */
    void check(StatementContext ctx);
}
