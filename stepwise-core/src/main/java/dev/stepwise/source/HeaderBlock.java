package dev.stepwise.source;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code -- key: value} lines of one file's header, collected line by line and checked as
 * they come, then turned into a {@link MigrationHeader}.
 */
final class HeaderBlock {

    private final Path file;
    private final Map<HeaderKey, String> values = new EnumMap<>(HeaderKey.class);
    private final Map<HeaderKey, Integer> lines = new EnumMap<>(HeaderKey.class);
    private int firstLine;
    private int lastLine;

    HeaderBlock(Path file) {
        this.file = file;
    }

    boolean isStarted() {
        return firstLine > 0;
    }

    /** Whether a header line at this line number continues the block (no gap before it). */
    boolean continuesAt(int line) {
        return isStarted() && line == lastLine + 1;
    }

    void add(String key, String value, int line) {
        HeaderKey known = HeaderKey.of(key).orElseThrow(() -> new MigrationFileException(file, line,
                "unknown header key `" + key + "`; known keys: " + knownKeys()));
        if (values.containsKey(known)) {
            throw new MigrationFileException(file, line, "duplicate header key `" + key
                    + "` (first on line " + lines.get(known) + ")");
        }
        try {
            check(known, value);
        } catch (FormatViolation e) {
            throw new MigrationFileException(file, line, e.problem());
        }
        values.put(known, value);
        lines.put(known, line);
        if (firstLine == 0) {
            firstLine = line;
        }
        lastLine = line;
    }

    /** "lines 2..4", for messages about a key found after the block. */
    String span() {
        if (!isStarted()) {
            return "no header block";
        }
        return firstLine == lastLine ? "line " + firstLine : "lines " + firstLine + ".." + lastLine;
    }

    /** The header, once the block is complete; {@code line} is where the block was expected. */
    MigrationHeader build(int line) {
        int at = isStarted() ? firstLine : line;
        for (HeaderKey required : List.of(HeaderKey.REVISION, HeaderKey.DOWN_REVISION)) {
            if (!values.containsKey(required)) {
                throw new MigrationFileException(file, at, "the header has no `" + required.key()
                        + "` (" + span() + ")" + (required == HeaderKey.DOWN_REVISION
                        ? "; write `-- down_revision: none` for a root revision" : ""));
            }
        }
        MigrationHeader header = new MigrationHeader(
                values.get(HeaderKey.REVISION),
                HeaderRules.downRevisions(values.get(HeaderKey.DOWN_REVISION)),
                values.getOrDefault(HeaderKey.MESSAGE, ""),
                Phase.valueOf(upper(values.getOrDefault(HeaderKey.PHASE, "expand"))),
                HeaderRules.branchLabels(values.getOrDefault(HeaderKey.BRANCH_LABELS, "")),
                HeaderRules.revisionIds("depends_on", values.getOrDefault(HeaderKey.DEPENDS_ON, "")),
                TransactionMode.valueOf(upper(values.getOrDefault(HeaderKey.TRANSACTION, "auto"))),
                Reversibility.valueOf(upper(values.getOrDefault(HeaderKey.REVERSIBLE, "yes"))),
                values.get(HeaderKey.EXPANDS));
        try {
            HeaderRules.checkConsistent(header);
        } catch (FormatViolation e) {
            throw new MigrationFileException(file, at, e.problem());
        }
        return header;
    }

    /** The line of a key, for messages that concern it. */
    int lineOf(HeaderKey key) {
        return lines.getOrDefault(key, firstLine);
    }

    private static void check(HeaderKey key, String value) {
        switch (key) {
            case REVISION, EXPANDS -> HeaderRules.revisionId(key.key(), value);
            case DOWN_REVISION -> HeaderRules.downRevisions(value);
            case DEPENDS_ON -> HeaderRules.revisionIds(key.key(), value);
            case BRANCH_LABELS -> HeaderRules.branchLabels(value);
            case PHASE -> oneOf(key, value, Set.of("expand", "contract"));
            case TRANSACTION -> oneOf(key, value, Set.of("auto", "none"));
            case REVERSIBLE -> oneOf(key, value, Set.of("yes", "lossy", "no"));
            case MESSAGE -> {
                // Free text.
            }
        }
    }

    private static void oneOf(HeaderKey key, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            throw new FormatViolation("`" + key.key() + "`: `" + value + "` is not one of "
                    + String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    private static String upper(String keyword) {
        return keyword.toUpperCase(Locale.ROOT);
    }

    private static String knownKeys() {
        return String.join(", ", Arrays.stream(HeaderKey.values()).map(HeaderKey::key).toList());
    }
}
