package dev.stepwise.source;

import dev.stepwise.source.ControlComment.DirectiveLine;
import dev.stepwise.source.ControlComment.HeaderLine;
import dev.stepwise.source.ControlComment.SectionMarker;
import dev.stepwise.sql.Directive;
import dev.stepwise.sql.ScriptItem;
import dev.stepwise.sql.SqlScriptException;
import dev.stepwise.sql.StatementSplitter;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One streaming pass over a migration file that checks every rule of the format as it goes and
 * hands out the statements of both sections, one at a time, with their directives.
 *
 * <p>Both the full validation at load time and each iteration of a plan use this pass, so a
 * plan can never see a file differently from the check that accepted it. Nothing but the
 * current statement and the pending directives is held in memory.
 */
final class MigrationFileScanner implements Closeable {

    private enum Position { PREAMBLE, HEADER, BEFORE_UP, UP, DOWN }

    private final Path file;
    /** The file's bytes again, for the error that says where they are not UTF-8. */
    private final Content content;
    private final Reader reader;
    private final StatementSplitter items;
    private final HeaderBlock headerBlock;
    private final StatementRules statementRules;
    private final List<Directive> migrationDirectives = new ArrayList<>();
    private final PendingDirectives pending;
    private Position position = Position.PREAMBLE;
    private MigrationHeader header;
    private ScriptItem previous;
    private int upLine;
    private int downLine;
    private int upStatements;
    private int downStatements;
    private boolean usesBatch;
    private boolean finished;
    /** The line of the last item read, where a file that ends too early is reported. */
    private int lastLine = 1;

    /** Opens the file's bytes again. */
    private interface Content {
        InputStream open() throws IOException;
    }

    private MigrationFileScanner(Path file, Content content, Reader reader) {
        this.file = file;
        this.content = content;
        this.reader = reader;
        this.items = new StatementSplitter(reader, ControlComment::isControl);
        this.headerBlock = new HeaderBlock(file);
        this.statementRules = new StatementRules(file);
        this.pending = new PendingDirectives(file);
    }

    static MigrationFileScanner open(Path file) {
        try {
            return new MigrationFileScanner(file, () -> Files.newInputStream(file),
                    Files.newBufferedReader(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MigrationFileException(file, 0, "cannot be read: " + e.getMessage());
        }
    }

    /** A pass over content already read (the catalog hashes the bytes first); bad UTF-8 is still an error. */
    static MigrationFileScanner open(Path file, byte[] content) {
        return new MigrationFileScanner(file, () -> new ByteArrayInputStream(content),
                new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8.newDecoder()));
    }

    /** The next statement of either section, or null once the whole file has been checked. */
    SectionStatement next() {
        while (!finished) {
            SectionStatement statement = step();
            if (statement != null) {
                return statement;
            }
        }
        return null;
    }

    /** Reads up to {@code -- +up} and returns the header; the sections are not checked. */
    MigrationHeader readHeader() {
        while (header == null && !finished) {
            step();
        }
        return header;
    }

    private SectionStatement step() {
        ScriptItem item = nextItem();
        if (item == null) {
            finish();
            return null;
        }
        lastLine = item.line();
        SectionStatement statement = item instanceof ScriptItem.Statement s
                ? statement(s)
                : comment((ScriptItem.CommentLine) item);
        previous = item;
        return statement;
    }

    MigrationHeader header() {
        return header;
    }

    /** The line of the {@code revision:} key, for messages about the revision. */
    int revisionLine() {
        return headerBlock.lineOf(HeaderKey.REVISION);
    }

    List<Directive> migrationDirectives() {
        return List.copyOf(migrationDirectives);
    }

    boolean usesBatch() {
        return usesBatch;
    }

    int statementCount(Direction section) {
        return section == Direction.UP ? upStatements : downStatements;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    private ScriptItem nextItem() {
        try {
            return items.hasNext() ? items.next() : null;
        } catch (SqlScriptException e) {
            throw new MigrationFileException(file, e.line(), e.problem() + " (column " + e.column() + ")");
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        }
    }

    private SectionStatement comment(ScriptItem.CommentLine comment) {
        ControlComment kind = ControlComment.of(comment.text());
        int line = comment.line();
        if (kind instanceof HeaderLine key && isBeforeUp()) {
            if (key.caseMismatch()) {
                throw error(line, "header keys are lowercase: write `"
                        + key.key().toLowerCase(Locale.ROOT) + ":`, not `" + key.key() + ":`");
            }
            if (position == Position.PREAMBLE || headerBlock.continuesAt(line)) {
                headerBlock.add(key.key(), key.value(), line);
                position = Position.HEADER;
                return null;
            }
        }
        if (position == Position.HEADER) {
            // The header is the leading block: the first line that is not a header line ends it.
            position = Position.BEFORE_UP;
        }
        if (kind instanceof HeaderLine key && key.known()) {
            throw error(line, "header key `" + key.key() + "` after the header block ("
                    + headerBlock.span() + "); a header split by a blank line?");
        } else if (kind instanceof SectionMarker marker) {
            section(marker, line);
        } else if (kind instanceof DirectiveLine directive) {
            directive(directive, line);
        } else {
            pending.comment(line);
        }
        return null;
    }

    private void section(SectionMarker marker, int line) {
        if (marker.direction() == null) {
            throw error(line, "unknown section marker `-- " + marker.written()
                    + "`; the sections are `-- +up` and `-- +down`");
        }
        pending.requireNone();
        if (marker.direction() == Direction.UP) {
            if (position == Position.UP || position == Position.DOWN) {
                throw error(line, "a second `-- +up` (the first is on line " + upLine + ")");
            }
            header = headerBlock.build(line);
            position = Position.UP;
            upLine = line;
        } else {
            if (position == Position.DOWN) {
                throw error(line, "a second `-- +down` (the first is on line " + downLine + ")");
            }
            if (position != Position.UP) {
                throw error(line, "`-- +down` before `-- +up`; the sections are `-- +up`, then `-- +down`");
            }
            position = Position.DOWN;
            downLine = line;
        }
    }

    private void directive(DirectiveLine line, int lineNumber) {
        Directive directive;
        try {
            directive = DirectiveSyntax.parse(line.text(), lineNumber);
        } catch (FormatViolation e) {
            throw error(lineNumber, e.problem());
        }
        if (isBeforeUp()) {
            if (!directive.name().equals(DirectiveSyntax.ALLOW)) {
                throw error(lineNumber, "only `stepwise:allow` may stand before `-- +up` (it then"
                        + " applies to the whole migration); put `stepwise:" + directive.name()
                        + "` directly above the statement it governs");
            }
            migrationDirectives.add(directive);
            return;
        }
        if (previous instanceof ScriptItem.Statement statement && !statement.terminated()) {
            throw error(lineNumber, "directive `stepwise:" + directive.name() + "` in the middle of"
                    + " a statement: the statement on line " + statement.line() + " has no `;` before it");
        }
        pending.add(directive);
    }

    private SectionStatement statement(ScriptItem.Statement statement) {
        if (isBeforeUp()) {
            throw error(statement.line(), "a statement before `-- +up`; between the header and"
                    + " `-- +up` there may only be comments");
        }
        statementRules.check(statement);
        List<Directive> directives = pending.takeFor(statement.line());
        Direction section = position == Position.UP ? Direction.UP : Direction.DOWN;
        if (section == Direction.UP) {
            upStatements++;
        } else {
            downStatements++;
        }
        usesBatch |= directives.stream().anyMatch(d -> d.name().equals(DirectiveSyntax.BATCH));
        return new SectionStatement(section, statement, directives);
    }

    private void finish() {
        finished = true;
        pending.requireNone();
        if (isBeforeUp()) {
            if (!headerBlock.isStarted()) {
                throw error(1, "has no header; a migration file starts with `-- revision: <id>`"
                        + " and `-- down_revision: <id>|none`");
            }
            headerBlock.build(lastLine);
            throw error(lastLine, "has no `-- +up` section; the file ends before one, add it after the header");
        }
        if (position == Position.UP) {
            throw error(upLine, "no `-- +down` section after `-- +up`; add one (left empty, it"
                    + " means the migration has no down and needs `reversible: no`)");
        }
        Reversibility reversible = header.reversible();
        if (downStatements == 0 && upStatements > 0 && reversible != Reversibility.NO) {
            throw error(downLine, "`-- +down` is empty but the header says `reversible: "
                    + reversible.keyword() + "`; write the down statements, or say `reversible: no`");
        }
        if (downStatements > 0 && reversible == Reversibility.NO) {
            throw error(headerBlock.lineOf(HeaderKey.REVERSIBLE), "`reversible: no` but `-- +down`"
                    + " (line " + downLine + ") has statements; remove them, or say `reversible: lossy`"
                    + " if the down loses data");
        }
    }

    private boolean isBeforeUp() {
        return position == Position.PREAMBLE || position == Position.HEADER || position == Position.BEFORE_UP;
    }

    private MigrationFileException error(int line, String problem) {
        return new MigrationFileException(file, line, problem);
    }

    private MigrationFileException unreadable(IOException e) {
        if (!(e instanceof CharacterCodingException)) {
            return new MigrationFileException(file, 0, "cannot be read: " + e.getMessage());
        }
        InvalidUtf8.Position at;
        try (InputStream in = content.open()) {
            at = InvalidUtf8.find(in).orElse(null);
        } catch (IOException again) {
            at = null;
        }
        return at == null ? new MigrationFileException(file, 0, "is not valid UTF-8")
                : new MigrationFileException(file, at.line(), "is not valid UTF-8: the bytes at column "
                        + at.column() + " are no UTF-8 character; save the file as UTF-8");
    }
}
