package dev.stepwise.lint;

import dev.stepwise.config.ConfigException;
import dev.stepwise.sql.Directive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a linter's raw findings into the verdict a user sees: severities from {@code [lint]} in
 * {@code stepwise.toml} ({@code off} drops a rule), then the {@code stepwise:allow} directives,
 * each accepting the findings of its rule on the statement below it (or, above {@code -- +up},
 * in the whole migration). An allow that accepts nothing is itself a finding
 * ({@value #UNUSED_ALLOW}), so a stale one does not hide the next real problem.
 */
public final class LintPolicy {

    public static final String UNUSED_ALLOW = "unused-allow";

    /** The engine's own rule, listed with the dialect's. */
    public static final RuleInfo UNUSED_ALLOW_RULE = new RuleInfo(UNUSED_ALLOW, RuleGroup.DIRECTIVES, Severity.WARNING,
            "a stepwise:allow directive accepts no finding of its rule where it stands",
            "remove it, or put it above the statement the finding is about (above -- +up for the whole migration)");

    private static final String OFF = "off";

    private final Map<String, Severity> severities;
    /** Each rule's own severity, to tell a finding its context lowered to info. */
    private final Map<String, Severity> defaults;
    private final Set<String> disabled;
    private final Set<String> known;

    private LintPolicy(Map<String, Severity> severities, Set<String> disabled, Set<String> known,
                       Map<String, Severity> defaults) {
        this.severities = severities;
        this.defaults = defaults;
        this.disabled = disabled;
        this.known = known;
    }

    /** Every rule at its own severity. */
    public static LintPolicy defaults(List<RuleInfo> rules) {
        return configured(Map.of(), rules);
    }

    /**
     * The policy a project configures: {@code rule-id = "error" | "warning" | "info" | "off"}.
     *
     * @throws ConfigException naming an unknown rule or severity
     */
    public static LintPolicy configured(Map<String, String> configured, List<RuleInfo> rules) {
        Set<String> known = rules.stream().map(RuleInfo::id).collect(Collectors.toSet());
        known.add(UNUSED_ALLOW);
        Map<String, Severity> severities = new HashMap<>();
        Set<String> disabled = new java.util.HashSet<>();
        configured.forEach((rule, word) -> {
            if (!known.contains(rule)) {
                throw new ConfigException("stepwise.toml: [lint] names no rule '" + rule + "' (run `stepwise lint"
                        + " --rules` for the list)");
            }
            if (word.toLowerCase(Locale.ROOT).equals(OFF)) {
                disabled.add(rule);
                return;
            }
            Severity s = Severity.of(word);
            if (s == null) {
                throw new ConfigException("stepwise.toml: [lint] " + rule + " = '" + word
                        + "' is no severity (error, warning, info or off)");
            }
            severities.put(rule, s);
        });
        Map<String, Severity> defaults = new HashMap<>();
        rules.forEach(r -> defaults.put(r.id(), r.severity()));
        return new LintPolicy(severities, disabled, known, defaults);
    }

    /** Applies severities and allows to one migration's raw report. */
    public LintedMigration apply(String revision, String file, LinterReport report,
                                 List<Directive> migrationDirectives) {
        List<AllowDirective> allows = new ArrayList<>();
        for (Directive d : migrationDirectives) {
            if (d.name().equals("allow")) {
                allows.add(new AllowDirective(d.arguments().get(0), d.arguments().get(1), d.line(), null));
            }
        }
        allows.addAll(report.statementAllows());
        Map<AllowDirective, Boolean> used = new LinkedHashMap<>();
        allows.forEach(a -> used.put(a, false));
        List<Finding> standing = new ArrayList<>();
        List<AllowedFinding> allowed = new ArrayList<>();
        for (Finding raw : report.findings()) {
            if (disabled.contains(raw.rule())) {
                continue;
            }
            // a finding the context made harmless (a new or small table) stays info whatever the rule's level
            Finding f = raw.severity() == Severity.INFO && defaults.get(raw.rule()) != Severity.INFO ? raw
                    : raw.withSeverity(severities.getOrDefault(raw.rule(), raw.severity()));
            AllowDirective match = allows.stream().filter(a -> accepts(a, f)).findFirst().orElse(null);
            if (match == null) {
                standing.add(f);
            } else {
                used.put(match, true);
                allowed.add(new AllowedFinding(f, match.reason(), match.line()));
            }
        }
        if (!disabled.contains(UNUSED_ALLOW)) {
            Severity severity = severities.getOrDefault(UNUSED_ALLOW, UNUSED_ALLOW_RULE.severity());
            used.forEach((allow, wasUsed) -> {
                // an allow for a rule that is off has nothing to match, and is not stale for that
                if (!wasUsed && !disabled.contains(allow.rule())) {
                    standing.add(unused(allow, file, severity));
                }
            });
        }
        standing.sort(java.util.Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
        return new LintedMigration(revision, file, report.down(), standing, allowed);
    }

    private static boolean accepts(AllowDirective allow, Finding finding) {
        if (!allow.rule().equals(finding.rule())) {
            return false;
        }
        return allow.migrationWide() || allow.anchor().equals(finding.anchor());
    }

    private Finding unused(AllowDirective allow, String file, Severity severity) {
        String where = allow.migrationWide() ? "in this migration" : "on the statement below it";
        String message = known.contains(allow.rule())
                ? "`stepwise:allow " + allow.rule() + "` accepts nothing: the rule finds nothing " + where
                : "`stepwise:allow " + allow.rule() + "` names no rule, so it accepts nothing";
        return new Finding(UNUSED_ALLOW, severity, file, allow.line(), 1, ("-- stepwise:allow " + allow.rule()).length(),
                null, null, message, UNUSED_ALLOW_RULE.instead(), null);
    }
}
