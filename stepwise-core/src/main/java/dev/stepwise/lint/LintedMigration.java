package dev.stepwise.lint;

import java.util.List;

/**
 * One migration's lint result after allows and configured severities: what still stands, what
 * was accepted and why, and whether its down gives back what its up took.
 */
public record LintedMigration(String revision, String file, DownVerdict down, List<Finding> findings,
                              List<AllowedFinding> allowed) {

    public LintedMigration {
        findings = List.copyOf(findings);
        allowed = List.copyOf(allowed);
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    /** Whether {@code upgrade} refuses to run it (and {@code lint} exits 1). */
    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** The same result without one rule's findings. */
    public LintedMigration without(String rule) {
        return new LintedMigration(revision, file, down, findings.stream().filter(f -> !f.rule().equals(rule)).toList(),
                allowed);
    }
}
