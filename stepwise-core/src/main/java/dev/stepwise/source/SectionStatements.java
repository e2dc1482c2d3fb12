package dev.stepwise.source;

import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.SqlStatement;
import dev.stepwise.sql.StatementTraits;
import dev.stepwise.sql.StatementClassifier;

import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * One pass over one section of a migration file: opens the file, streams that section's
 * statements and closes the file at the end of the section (or on the first error).
 */
final class SectionStatements implements Iterator<SqlStatement>, Closeable {

    private final Path file;
    private final Direction direction;
    private final StatementClassifier classifier;
    private MigrationFileScanner scanner;
    private SqlStatement next;
    private boolean done;

    SectionStatements(Path file, Direction direction, StatementClassifier classifier) {
        this.file = file;
        this.direction = direction;
        this.classifier = classifier;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !done) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public SqlStatement next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        SqlStatement statement = next;
        next = null;
        return statement;
    }

    @Override
    public void close() {
        done = true;
        if (scanner != null) {
            scanner.close();
            scanner = null;
        }
    }

    private SqlStatement advance() {
        try {
            if (scanner == null) {
                scanner = MigrationFileScanner.open(file);
            }
            SectionStatement found;
            do {
                found = scanner.next();
            } while (found != null && found.section().compareTo(direction) < 0);
            // The up section ends where the down section begins: no need to read further.
            if (found == null || found.section() != direction) {
                close();
                return null;
            }
            return classified(found, classifier);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static SqlStatement classified(SectionStatement found, StatementClassifier classifier) {
        StatementTraits traits = classifier.classify(found.statement());
        if (found.directives().stream().anyMatch(d -> d.name().equals(DirectiveSyntax.BATCH))) {
            traits = traits.withMode(ExecutionMode.BATCHED);
        }
        return new SqlStatement(found.statement().sql(), found.statement().line(),
                found.statement().column(), found.statement().tokens(), found.directives(), traits);
    }

    /**
     * Every statement of the file, both sections, in one pass; null when the file cannot be read
     * or checked in full, so that a pass of its own meets the error at the statement it is at.
     */
    static List<SectionStatement> readAll(Path file) {
        List<SectionStatement> all = new ArrayList<>();
        try (MigrationFileScanner scanner = MigrationFileScanner.open(file)) {
            for (SectionStatement s = scanner.next(); s != null; s = scanner.next()) {
                all.add(s);
            }
        } catch (RuntimeException e) {
            return null;
        }
        return List.copyOf(all);
    }

    /** One section of statements read before, classified as a pass over the file would; closeable as one is. */
    static Iterator<SqlStatement> of(List<SectionStatement> all, Direction direction, StatementClassifier classifier) {
        Iterator<SectionStatement> section = all.stream().filter(s -> s.section() == direction).iterator();
        return new Kept(section, classifier);
    }

    private static final class Kept implements Iterator<SqlStatement>, Closeable {
        private final Iterator<SectionStatement> section;
        private final StatementClassifier classifier;
        private boolean closed;

        Kept(Iterator<SectionStatement> section, StatementClassifier classifier) {
            this.section = section;
            this.classifier = classifier;
        }

        @Override
        public boolean hasNext() {
            return !closed && section.hasNext();
        }

        @Override
        public SqlStatement next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return classified(section.next(), classifier);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
