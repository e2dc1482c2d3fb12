package dev.stepwise.source;

import java.nio.file.Path;

/**
 * Reads a migration file into a {@link SqlMigration}, checking every rule of the file format
 * and computing the checksum in the same single streaming pass.
 *
 * <p>Decisions the format leaves to the parser:
 * <ul>
 *   <li>{@code expands} is allowed only with {@code phase: contract}: it names the expand
 *       migration a contract finishes.</li>
 *   <li>An empty {@code +down} needs {@code reversible: no}, unless {@code +up} is empty too
 *       (a merge point has nothing to undo); {@code reversible: no} with statements in
 *       {@code +down} is an error, as the runner would refuse a down that is written there
 *       ({@code reversible: lossy} says "runs, but loses data").</li>
 *   <li>Only other directives may stand between a directive and its statement: no blank
 *       line, no comment. {@code stepwise:allow} lines anywhere before {@code -- +up} apply to
 *       the whole migration; other directives there are an error.</li>
 *   <li>Header keys in other case ({@code Revision:}) before {@code -- +up} are an error;
 *       after it, such a line is an ordinary comment.</li>
 * </ul>
 */
public final class MigrationFileParser {

    /** Reads and checks the whole file. */
    public SqlMigration parse(Path file) {
        return parse(file, MigrationFileScanner.open(file));
    }

    /** Checks a file whose content has already been read. */
    public SqlMigration parse(Path file, byte[] content) {
        return parse(file, MigrationFileScanner.open(file, content));
    }

    private static SqlMigration parse(Path file, MigrationFileScanner opened) {
        try (MigrationFileScanner scanner = opened) {
            Checksum checksum = Checksum.start();
            for (SectionStatement s = scanner.next(); s != null; s = scanner.next()) {
                checksum.statement(s.section(), s.directives(), s.statement().tokens());
            }
            MigrationHeader header = scanner.header();
            checkFileName(file, header, scanner.revisionLine());
            checksum.header(header);
            return new SqlMigration(file, header, checksum.digest(), scanner.migrationDirectives(),
                    new SqlMigration.Sections(scanner.statementCount(Direction.UP),
                            scanner.statementCount(Direction.DOWN), scanner.usesBatch()));
        }
    }

    /**
     * Reads only up to {@code -- +up} and returns the header, for a quick look at the revision
     * graph; the sections are not checked, so this never replaces {@link #parse}.
     */
    public MigrationHeader readHeader(Path file) {
        try (MigrationFileScanner scanner = MigrationFileScanner.open(file)) {
            MigrationHeader header = scanner.readHeader();
            checkFileName(file, header, scanner.revisionLine());
            return header;
        }
    }

    private static void checkFileName(Path file, MigrationHeader header, int revisionLine) {
        String name = file.getFileName().toString();
        MigrationFileName fileName = MigrationFileName.parse(name).orElseThrow(() ->
                new MigrationFileException(file, 0, "the file name does not match "
                        + MigrationFileName.pattern()));
        if (!fileName.names(header.revision())) {
            throw new MigrationFileException(file, revisionLine, "the file name does not name revision `"
                    + header.revision() + "` of its header; it should start with `<timestamp>_"
                    + header.revision() + "`");
        }
    }
}
