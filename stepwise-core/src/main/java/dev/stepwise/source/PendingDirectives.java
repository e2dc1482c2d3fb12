package dev.stepwise.source;

import dev.stepwise.sql.Directive;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directives read since the last statement, waiting for the statement they govern. Only
 * other directives may stand between a directive and its statement, so that what a directive
 * governs is never a matter of interpretation.
 */
final class PendingDirectives {

    private final Path file;
    private final List<Directive> directives = new ArrayList<>();

    PendingDirectives(Path file) {
        this.file = file;
    }

    void add(Directive directive) {
        if (!directives.isEmpty()) {
            if (directive.line() != last().line() + 1) {
                throw notDirectlyAbove(directive.line(), "a blank line");
            }
            if (directive.name().equals(DirectiveSyntax.BATCH) && has(DirectiveSyntax.BATCH)) {
                throw new MigrationFileException(file, directive.line(),
                        "a second `stepwise:batch` above the same statement");
            }
        }
        directives.add(directive);
    }

    /** A comment line that is not a directive: nothing may separate directives from their statement. */
    void comment(int line) {
        if (!directives.isEmpty()) {
            throw notDirectlyAbove(line, "a comment");
        }
    }

    /** Hands the pending directives to the statement starting on {@code line}. */
    List<Directive> takeFor(int line) {
        if (!directives.isEmpty() && line != last().line() + 1) {
            throw notDirectlyAbove(line, "a blank line or a block comment");
        }
        List<Directive> taken = List.copyOf(directives);
        directives.clear();
        return taken;
    }

    /** At the end of a section: a directive left over governs nothing. */
    void requireNone() {
        if (!directives.isEmpty()) {
            throw new MigrationFileException(file, last().line(), "directive `stepwise:" + last().name()
                    + "` has no statement after it in its section");
        }
    }

    private boolean has(String name) {
        return directives.stream().anyMatch(d -> d.name().equals(name));
    }

    private Directive last() {
        return directives.get(directives.size() - 1);
    }

    private MigrationFileException notDirectlyAbove(int line, String what) {
        return new MigrationFileException(file, line, "directive `stepwise:" + last().name() + "` on line "
                + last().line() + " must stand directly above its statement, but " + what
                + " comes between; only other directives may");
    }
}
