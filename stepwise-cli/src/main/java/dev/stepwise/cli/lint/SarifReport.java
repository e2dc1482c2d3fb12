package dev.stepwise.cli.lint;

import dev.stepwise.command.LintCommand;
import dev.stepwise.lint.Finding;
import dev.stepwise.lint.LintedMigration;
import dev.stepwise.lint.RuleInfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --format sarif}: SARIF 2.1.0 as GitHub code scanning takes it. Every rule is listed under
 * {@code tool.driver.rules} (results point at them by id and index); locations are URIs relative
 * to the checkout ({@code %SRCROOT%}); each result carries a {@code partialFingerprints} hash of
 * its rule, file and statement text (not its line), so an alert survives lines moving above it.
 */
public final class SarifReport {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = "https://github.com/stepwise-migrations/stepwise/blob/main/docs/lint.md";

    private final FindingPaths paths;
    private final String version;

    public SarifReport(FindingPaths paths, String version) {
        this.paths = paths;
        this.version = version;
    }

    public Map<String, Object> render(LintCommand.Report report, List<RuleInfo> rules) {
        Map<String, Integer> index = new HashMap<>();
        List<Object> ruleList = new ArrayList<>();
        for (RuleInfo r : rules) {
            index.put(r.id(), ruleList.size());
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("id", r.id());
            rule.put("name", camel(r.id()));
            rule.put("shortDescription", Map.of("text", r.summary()));
            rule.put("fullDescription", Map.of("text", r.summary() + "; instead: " + r.instead()));
            rule.put("help", Map.of("text", r.instead()));
            rule.put("helpUri", INFORMATION_URI.replace("lint.md", "lint-rules.md") + "#" + r.id());
            rule.put("defaultConfiguration", Map.of("level", r.severity().sarifLevel()));
            rule.put("properties", Map.of("tags", List.of(r.group().word())));
            ruleList.add(rule);
        }
        List<Object> results = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (LintedMigration m : report.migrations()) {
            for (Finding f : m.findings()) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("ruleId", f.rule());
                if (index.containsKey(f.rule())) {
                    result.put("ruleIndex", index.get(f.rule()));
                }
                result.put("level", f.severity().sarifLevel());
                result.put("message", Map.of("text", f.message() + ". " + capitalised(f.help())));
                String uri = paths.of(f.file());
                // a file outside the base (not in the repository) can only be named absolutely
                boolean relative = !java.nio.file.Path.of(uri).isAbsolute();
                Map<String, Object> artifact = relative ? Map.of("uri", encoded(uri), "uriBaseId", "%SRCROOT%")
                        : Map.of("uri", java.nio.file.Path.of(uri).toUri().toString());
                Map<String, Object> region = new LinkedHashMap<>();
                region.put("startLine", f.line());
                region.put("startColumn", f.column());
                region.put("endColumn", f.column() + f.length());
                result.put("locations", List.of(Map.of("physicalLocation", Map.of(
                        "artifactLocation", artifact,
                        "region", region))));
                String hash = fingerprint(f.rule(), uri, f.statement() == null ? f.message() : f.statement());
                int n = occurrences.merge(hash, 1, Integer::sum);
                result.put("partialFingerprints", Map.of("primaryLocationLineHash", hash + ":" + n));
                if (f.fix() != null) {
                    result.put("properties", Map.of("fix", f.fix()));
                }
                results.add(result);
            }
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "stepwise");
        driver.put("version", version);
        driver.put("informationUri", INFORMATION_URI);
        driver.put("rules", ruleList);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("originalUriBaseIds", Map.of("%SRCROOT%", Map.of("uri", paths.baseUri())));
        run.put("results", results);
        Map<String, Object> sarif = new LinkedHashMap<>();
        sarif.put("$schema", SCHEMA);
        sarif.put("version", "2.1.0");
        sarif.put("runs", List.of(run));
        return sarif;
    }

    static String camel(String id) {
        StringBuilder s = new StringBuilder();
        for (String word : id.split("-")) {
            s.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return s.toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** A relative path as a URI reference: spaces and the like percent-encoded, slashes kept. */
    private static String encoded(String relativePath) {
        try {
            return new java.net.URI(null, null, relativePath, null).toASCIIString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + relativePath, e);
        }
    }

    static String fingerprint(String rule, String uri, String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String normalised = text.replaceAll("\\s+", " ").strip();
            byte[] digest = sha.digest((rule + "\u0000" + uri + "\u0000" + normalised).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
