package dev.stepwise.cli.lint;

import dev.stepwise.command.LintCommand;
import dev.stepwise.lint.Finding;
import dev.stepwise.lint.LintedMigration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --format json}: an array of findings, each with {@code rule}, {@code severity},
 * {@code file}, {@code line}, {@code column}, {@code endColumn}, {@code revision},
 * {@code message}, {@code help} and {@code fix} (null where the fix is not mechanical).
 */
public final class JsonFindings {

    private final FindingPaths paths;

    public JsonFindings(FindingPaths paths) {
        this.paths = paths;
    }

    public List<Map<String, Object>> render(LintCommand.Report report) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LintedMigration m : report.migrations()) {
            for (Finding f : m.findings()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("rule", f.rule());
                o.put("severity", f.severity().word());
                o.put("file", paths.of(f.file()));
                o.put("line", f.line());
                o.put("column", f.column());
                o.put("endColumn", f.column() + f.length());
                o.put("revision", m.revision());
                o.put("message", f.message());
                o.put("help", f.help());
                o.put("fix", f.fix());
                out.add(o);
            }
        }
        return out;
    }
}
