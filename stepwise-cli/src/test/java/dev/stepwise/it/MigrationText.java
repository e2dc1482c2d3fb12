package dev.stepwise.it;

import java.util.ArrayList;
import java.util.List;

/** The text of a migration file, built header line by header line, then its sections. */
public final class MigrationText {

    private final String revision;
    private final List<String> header = new ArrayList<>();
    private String up = "";
    private String down = "";

    private MigrationText(String revision, String downRevision) {
        this.revision = revision;
        header.add("-- revision: " + revision);
        header.add("-- down_revision: " + downRevision);
    }

    /** A migration of {@code revision} on top of {@code downRevision} ({@code none} for a root). */
    public static MigrationText of(String revision, String downRevision) {
        return new MigrationText(revision, downRevision);
    }

    public MigrationText header(String key, String value) {
        header.add("-- " + key + ": " + value);
        return this;
    }

    public MigrationText up(String sql) {
        this.up = sql;
        return this;
    }

    public MigrationText down(String sql) {
        this.down = sql;
        return this;
    }

    public String revision() {
        return revision;
    }

    /** Line 1 is the revision; the header follows, then a blank line, {@code -- +up} and the up statements. */
    @Override
    public String toString() {
        return String.join("\n", header) + "\n\n-- +up\n" + up + "\n\n-- +down\n" + down + "\n";
    }

    /** The line of {@code -- +up}, so tests can name the line of the n-th up line: upLine() + n. */
    public int upLine() {
        return header.size() + 2;
    }
}
