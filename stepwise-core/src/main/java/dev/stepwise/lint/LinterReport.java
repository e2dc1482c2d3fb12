package dev.stepwise.lint;

import java.util.List;

/**
 * What a dialect's linter makes of one migration, before any allow or configured severity
 * applies: the findings at the rules' own severities, the allow directives standing above its
 * statements (which only the dialect's reading of the file sees), and the verdict on its down.
 *
 * @param downLine the line of the {@code +down} section's first statement (findings from there on
 *                 are about the down), or {@link Integer#MAX_VALUE} when it has none
 */
public record LinterReport(List<Finding> findings, List<AllowDirective> statementAllows, DownVerdict down,
                           int downLine) {

    public LinterReport {
        findings = List.copyOf(findings);
        statementAllows = List.copyOf(statementAllows);
    }

    /** Whether a finding is about a statement of the {@code +down} section. */
    public boolean inDown(Finding finding) {
        return finding.anchor() != null && finding.anchor().line() >= downLine;
    }

    /**
     * The report as {@code upgrade} judges it: the {@code +up} is all it runs, so the down's
     * findings and the allows above down statements are left to {@code lint}.
     */
    public LinterReport upOnly() {
        return new LinterReport(findings.stream().filter(f -> !inDown(f)).toList(), statementAllows.stream()
                .filter(a -> a.anchor() == null || a.anchor().line() < downLine).toList(), down, downLine);
    }
}
