package dev.stepwise.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A record of CLI runs in a stable form: random revision ids become {@code REV1}, {@code REV2}
 * in order of appearance, and timings, timestamps, checksums, ports and the project path are
 * replaced by placeholders, so a golden file can fix everything else.
 */
final class Transcript {

    private static final Pattern REVISION = Pattern.compile("(?<![0-9a-z])[0-9a-f]{12}(?![0-9a-z])");

    private final StringBuilder text = new StringBuilder();
    private final Map<String, String> revisions = new LinkedHashMap<>();
    private final Path project;

    Transcript(Path project) {
        this.project = project;
    }

    void record(String commandLine, CliRun run) {
        text.append("$ stepwise ").append(normalise(commandLine)).append('\n');
        text.append(indent(normalise(run.out()), "  "));
        text.append(indent(normalise(run.err()), "! "));
        text.append("exit ").append(run.exitCode()).append("\n\n");
    }

    void note(String line) {
        text.append("# ").append(normalise(line)).append('\n');
    }

    /** The placeholder of a revision id seen so far. */
    String nameOf(String revision) {
        return revisions.computeIfAbsent(revision, r -> "REV" + (revisions.size() + 1));
    }

    String text() {
        return text.toString();
    }

    private String normalise(String s) {
        String out = s.replace(project.toString(), "<project>");
        out = out.replaceAll("v1:[0-9a-f]{64}", "v1:<checksum>");
        out = out.replaceAll("\\b\\d{14}_", "<utc>_");
        out = out.replaceAll("in \\d+ ms", "in N ms");
        out = out.replaceAll("port \\d+", "port N");
        out = out.replaceAll("localhost:\\d+", "localhost:N");
        Matcher m = REVISION.matcher(out);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, nameOf(m.group()));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static String indent(String block, String prefix) {
        if (block.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        for (String line : block.split("\n", -1)) {
            if (!line.isEmpty()) {
                b.append(prefix).append(line).append('\n');
            }
        }
        return b.toString();
    }
}
