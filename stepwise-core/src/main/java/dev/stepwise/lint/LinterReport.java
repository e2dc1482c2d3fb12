package dev.stepwise.lint;

import java.util.List;

/**
 * What a dialect's linter makes of one migration, before any allow or configured severity
 * applies: the findings at the rules' own severities, the allow directives standing above its
 * statements (which only the dialect's reading of the file sees), and the verdict on its down.
 */
public record LinterReport(List<Finding> findings, List<AllowDirective> statementAllows, DownVerdict down) {

    public LinterReport {
        findings = List.copyOf(findings);
        statementAllows = List.copyOf(statementAllows);
    }
}
