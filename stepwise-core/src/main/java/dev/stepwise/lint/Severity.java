package dev.stepwise.lint;

import java.util.Locale;

/** How bad a finding is; {@code lint} exits 1 on any {@link #ERROR}, and {@code upgrade} refuses one. */
public enum Severity {
    ERROR("error", "error", "error"),
    WARNING("warning", "warning", "warning"),
    /** Worth knowing, never a problem here (e.g. a plain index build on a table created just before). */
    INFO("info", "note", "notice");

    private final String word;
    private final String sarif;
    private final String github;

    Severity(String word, String sarif, String github) {
        this.word = word;
        this.sarif = sarif;
        this.github = github;
    }

    public String word() {
        return word;
    }

    /** The SARIF 2.1.0 result level. */
    public String sarifLevel() {
        return sarif;
    }

    /** The GitHub Actions workflow command. */
    public String githubCommand() {
        return github;
    }

    /** The severity a config value names, or null when it names none. */
    public static Severity of(String word) {
        for (Severity s : values()) {
            if (s.word.equals(word.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    /** The milder of two severities. */
    public Severity atMost(Severity cap) {
        return ordinal() >= cap.ordinal() ? this : cap;
    }
}
