package dev.stepwise.source;

import dev.stepwise.fault.Faults;
import dev.stepwise.fault.Guarantee;
import dev.stepwise.sql.Directive;
import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.Plan;
import dev.stepwise.sql.StatementClassifier;
import dev.stepwise.sql.StatementTraits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A migration defined by an SQL file, checked in full when it was loaded. A file of up to
 * {@value #KEPT_FILE_BYTES} bytes is read and split once, by the first pass over a
 * {@link #plan plan}, and its statements kept for the passes after it (the checks before a run,
 * lint, the runner) among those of the few files read last ({@link RecentStatements}); a larger
 * one (a data migration of many rows) stays in the file and is read again by each pass.
 *
 * <p>Every command holds every migration of the project for the whole run, so what it keeps is
 * compact: the path as the one string that {@link #origin()} returns (and the revision graph and
 * a run's results share), and the checksum as its 32 digest bytes, rendered when asked.
 */
public final class SqlMigration implements Migration {

    /** The largest file whose statements are kept once read. */
    static final long KEPT_FILE_BYTES = 256 * 1024;

    /**
     * The files read last, for every migration of the JVM: the passes over one migration follow
     * one another, so a handful is enough, and it holds at most four files of the largest kept size.
     */
    private static final RecentStatements RECENT = new RecentStatements(16, 4 * KEPT_FILE_BYTES);

    /** The file's path as text: a {@link Path} object would cost about twice as much, with the text besides. */
    private final String origin;
    private final MigrationHeader header;
    private final byte[] digest;
    private final List<Directive> migrationDirectives;
    // the sections' counts as fields rather than a Sections object: one object fewer per migration
    private final int upStatements;
    private final int downStatements;
    private final boolean usesBatch;

    /** What the loading pass learnt about the sections, without holding their statements. */
    record Sections(int upStatements, int downStatements, boolean usesBatch) {
    }

    /** @param digest the SHA-256 digest of a checksum of the current version ({@link Checksum#digest()}) */
    SqlMigration(Path file, MigrationHeader header, byte[] digest,
                 List<Directive> migrationDirectives, Sections sections) {
        this.origin = file.toString();
        this.header = header;
        this.digest = digest.clone();
        this.migrationDirectives = List.copyOf(migrationDirectives);
        this.upStatements = sections.upStatements();
        this.downStatements = sections.downStatements();
        this.usesBatch = sections.usesBatch();
    }

    Sections sections() {
        return new Sections(upStatements, downStatements, usesBatch);
    }

    public Path file() {
        return Path.of(origin);
    }

    @Override
    public MigrationHeader header() {
        return header;
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String checksum() {
        return Checksum.text(digest);
    }

    /** The checksum's digest bytes, for the parse cache. */
    byte[] digest() {
        return digest.clone();
    }

    /**
     * The {@code stepwise:allow} directives placed above {@code -- +up}, which accept findings
     * about the migration as a whole.
     */
    public List<Directive> migrationDirectives() {
        return migrationDirectives;
    }

    /**
     * Whether downgrading is possible: {@code +down} has statements, or {@code +up} has none
     * either (a merge point or a placeholder has nothing to undo).
     */
    @Override
    public boolean hasDown() {
        return downStatements > 0 || upStatements == 0;
    }

    /**
     * Whether any statement carries a {@code stepwise:batch} directive; it is parsed and checked
     * here, and the runner decides whether it can execute it.
     */
    public boolean usesBatch() {
        return usesBatch;
    }

    /** How many statements the section has, as counted when the file was loaded. */
    public int statementCount(Direction direction) {
        return direction == Direction.UP ? upStatements : downStatements;
    }

    /**
     * The statements of one section. Every iteration opens and reads the file again; the
     * iterator closes the file when it is exhausted or fails, and is {@link java.io.Closeable}
     * for callers that stop early. With {@code transaction: none} every statement is a step of
     * its own (in a transaction of its own where it may run in one, so the step is recorded with
     * it); otherwise the classifier decides per statement.
     */
    public Plan plan(Direction direction, StatementClassifier classifier) {
        StatementClassifier effective = header.transaction() == TransactionMode.NONE
                ? statement -> {
                    StatementTraits traits = classifier.classify(statement);
                    return traits.mode() == ExecutionMode.TRANSACTIONAL
                            ? traits.withMode(ExecutionMode.OWN_TRANSACTION) : traits;
                }
                : classifier;
        return new Plan(() -> {
            List<SectionStatement> all = keptStatements();
            return all == null ? new SectionStatements(file(), direction, effective)
                    : SectionStatements.of(all, direction, effective);
        });
    }

    /**
     * Whether the migration's statements are held in memory once read, here and by any pass that
     * keeps what it read (lint's): only for a file of up to {@value #KEPT_FILE_BYTES} bytes. A
     * larger one is streamed from the file by every pass, so a 50 MB data migration is never
     * held whole.
     */
    public boolean heldWhenRead() {
        return heldWhenRead(fileSize());
    }

    // The one place that decides whether a plan is held or streamed, so the one that keeps
    // STREAMED_PLANS: with it switched off (tests only), a file of any size is read whole and held.
    private static boolean heldWhenRead(long size) {
        return size >= 0 && (size <= KEPT_FILE_BYTES || !Faults.kept(Guarantee.STREAMED_PLANS));
    }

    /** The file's size now, or -1 when it cannot be read (the pass of its own reports it). */
    private long fileSize() {
        try {
            return Files.size(file());
        } catch (IOException e) {
            return -1;
        }
    }

    /** The file's statements, read now if they are not kept yet; null for a large file, or one that no longer reads. */
    private List<SectionStatement> keptStatements() {
        List<SectionStatement> all = RECENT.get(this);
        if (all != null) {
            return all;
        }
        long size = fileSize();
        if (!heldWhenRead(size)) {
            return null;
        }
        all = SectionStatements.readAll(file());
        if (all != null) {
            RECENT.put(this, all, size);
        }
        return all;
    }

    @Override
    public String toString() {
        return "SqlMigration[" + header.revision() + " " + origin + "]";
    }
}
