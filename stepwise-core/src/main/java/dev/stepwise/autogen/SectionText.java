package dev.stepwise.autogen;

import dev.stepwise.diff.SchemaChange;

import java.util.List;

/**
 * One section of a generated migration, written as a reviewer reads it: each change under a
 * comment line naming it ({@code -- + table public.items}), then its statements, each ending in
 * {@code ;}, and a blank line between changes.
 */
public final class SectionText {

    private final StringBuilder text = new StringBuilder();

    /** A change and the statements that make it. */
    public SectionText change(SchemaChange change, List<String> statements) {
        return part(List.of(ChangeLine.of(change).toString()), statements);
    }

    /** Comment lines (without {@code --}) and the statements they explain. */
    public SectionText part(List<String> comments, List<String> statements) {
        gap();
        comments.forEach(this::commentLine);
        statements.forEach(s -> text.append(s).append(";\n"));
        return this;
    }

    /** Text another writer made (a generator's section), comments and statements as they are. */
    public SectionText raw(String section) {
        gap();
        text.append(section.endsWith("\n") ? section : section + "\n");
        return this;
    }

    /** Comment lines without statements, e.g. what the diff noticed but did not change. */
    public SectionText comments(List<String> lines) {
        if (!lines.isEmpty()) {
            gap();
            lines.forEach(this::commentLine);
        }
        return this;
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }

    private void commentLine(String line) {
        text.append(dev.stepwise.sql.SqlComment.of(line));
    }

    private void gap() {
        if (!text.isEmpty()) {
            text.append('\n');
        }
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
