package dev.stepwise.lint;

/**
 * What a rule is about, for the catalogue, {@code --format sarif}'s rule list and the docs.
 *
 * @param id       stable kebab-case id, e.g. {@code create-index-non-concurrently}
 * @param summary  one line: what the hazard is
 * @param instead  one line: the safe way
 */
public record RuleInfo(String id, RuleGroup group, Severity severity, String summary, String instead) {
}
