package dev.stepwise.source;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value rules of the migration header, shared by SQL files and Java-coded migrations so
 * both kinds enter the revision graph under the same rules.
 */
final class HeaderRules {

    /** What {@code down_revision} says for a root. */
    static final String NONE = "none";

    private static final Pattern ID = Pattern.compile("[a-z0-9_]+");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9_-]+");
    // Words that targets and down_revision give a meaning of their own.
    private static final Set<String> RESERVED = Set.of("none", "base", "head", "heads");

    private HeaderRules() {
    }

    /** A revision id: {@code [a-z0-9_]+} and not a reserved word. */
    static String revisionId(String key, String value) {
        if (value.isEmpty()) {
            throw new FormatViolation("`" + key + "` is empty");
        }
        if (!ID.matcher(value).matches()) {
            throw new FormatViolation("`" + key + "`: `" + value
                    + "` is not a revision id (lowercase letters, digits and `_`)");
        }
        if (RESERVED.contains(value)) {
            throw new FormatViolation("`" + key + "`: `" + value + "` is a reserved word ("
                    + String.join(", ", List.of("none", "base", "head", "heads"))
                    + ") and cannot be a revision id");
        }
        return value;
    }

    /** {@code down_revision}: {@code none} for a root, else one or more parent ids. */
    static List<String> downRevisions(String value) {
        if (value.equals(NONE)) {
            return List.of();
        }
        if (value.isEmpty()) {
            throw new FormatViolation("`down_revision` is empty; write `none` for a root revision");
        }
        if (items("down_revision", value).contains(NONE)) {
            throw new FormatViolation("`down_revision`: `none` cannot be combined with parents");
        }
        return revisionIds("down_revision", value);
    }

    /** A comma-separated list of revision ids; may be empty. */
    static List<String> revisionIds(String key, String value) {
        List<String> ids = new ArrayList<>();
        for (String item : items(key, value)) {
            ids.add(revisionId(key, item));
        }
        return ids;
    }

    /** A comma-separated list of branch labels; may be empty. */
    static Set<String> branchLabels(String value) {
        Set<String> labels = new LinkedHashSet<>();
        for (String label : items("branch_labels", value)) {
            if (!LABEL.matcher(label).matches() || RESERVED.contains(label)) {
                throw new FormatViolation("`branch_labels`: `" + label + "` is not a branch label"
                        + " (lowercase letters, digits, `_` and `-`; not none/base/head/heads)");
            }
            labels.add(label);
        }
        return labels;
    }

    /**
     * Every rule on a header built in code (an annotation, a command's arguments) rather than
     * parsed from a file, where each value was checked as it was read.
     */
    static void check(MigrationHeader header) {
        revisionId("revision", header.revision());
        header.downRevisions().forEach(id -> revisionId("down_revision", id));
        revisionIds("depends_on", String.join(",", header.dependsOn()));
        branchLabels(String.join(",", header.branchLabels()));
        if (header.expands() != null) {
            revisionId("expands", header.expands());
        }
        if (header.message().lines().count() > 1) {
            throw new FormatViolation("`message` must be a single line");
        }
        checkConsistent(header);
    }

    /** Cross-field rules, checked once every key is known. */
    static void checkConsistent(MigrationHeader header) {
        if (header.expands() != null && header.phase() != Phase.CONTRACT) {
            throw new FormatViolation("`expands` names the expand migration a contract migration"
                    + " finishes; it needs `phase: contract`");
        }
        if (header.revision().equals(header.expands())) {
            throw new FormatViolation("`expands`: a migration cannot expand itself");
        }
        if (header.downRevisions().contains(header.revision())
                || header.dependsOn().contains(header.revision())) {
            throw new FormatViolation("revision `" + header.revision() + "` names itself as a parent"
                    + " or dependency");
        }
    }

    private static List<String> items(String key, String value) {
        if (value.isBlank()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String raw : value.split(",", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                throw new FormatViolation("`" + key + "`: empty item in `" + value + "`");
            }
            if (items.contains(item)) {
                throw new FormatViolation("`" + key + "`: `" + item + "` is listed twice");
            }
            items.add(item);
        }
        return items;
    }
}
