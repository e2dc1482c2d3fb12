package dev.stepwise.source;

import dev.stepwise.fault.Faults;
import dev.stepwise.fault.Guarantee;
import dev.stepwise.sql.Directive;
import dev.stepwise.sql.ExecutionMode;
import dev.stepwise.sql.Plan;
import dev.stepwise.sql.StatementClassifier;
import dev.stepwise.sql.StatementTraits;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A migration defined by an SQL file, checked in full when it was loaded. A file of up to
 * {@value #KEPT_FILE_BYTES} bytes is read and split once, by the first pass over a
 * {@link #plan plan}, and its statements kept for the passes after it (the checks before a run,
 * lint, the runner) among those of the few files read last ({@link RecentStatements}); a larger
 * one (a data migration of many rows) stays in the file and is read again by each pass.
 *
 * <p>Every command holds every migration of the project for the whole run, and the heap it needs
 * must not grow much with a long history (docs/reliability.md, scenario 7: 5,000 migrations in
 * at most 1.25 times the heap of 500). So a migration is its own node of the revision graph, and
 * keeps its header as fields rather than a {@link MigrationHeader} (built when asked), its
 * directory as one string that every file of the directory shares, its file name and message as
 * one UTF-8 array, and its checksum as the four words of its digest: about a hundred bytes
 * besides its texts, where the plain objects took about twice as much.
 */
public final class SqlMigration implements Migration {

    /** The largest file whose statements are kept once read. */
    static final long KEPT_FILE_BYTES = 256 * 1024;

    /**
     * The files read last, for every migration of the JVM: the passes over one migration follow
     * one another, so a handful is enough, and it holds at most four files of the largest kept size.
     */
    private static final RecentStatements RECENT = new RecentStatements(16, 4 * KEPT_FILE_BYTES);

    /** The path up to the file name, with its last separator; interned, so the files of a directory share it. */
    private final String directory;
    /** The file name's UTF-8 bytes, then the message's. */
    private final byte[] nameAndMessage;
    private final int nameLength;
    // the header's values; the ids are interned (MigrationHeader), so parents share their children's strings
    private final String revision;
    private final List<String> parents;
    private final Rare rare;
    // the enums by ordinal, a byte each rather than a reference each
    private final byte phase;
    private final byte transaction;
    private final byte reversible;
    private final boolean usesBatch;
    // the sections' counts as fields rather than a Sections object: one object fewer per migration
    private final int upStatements;
    private final int downStatements;
    // the SHA-256 digest of the checksum, as words: an array would cost its own header and a reference
    private final long digest0;
    private final long digest1;
    private final long digest2;
    private final long digest3;

    private static final int DIGEST_BYTES = 32;
    private static final Phase[] PHASES = Phase.values();
    private static final TransactionMode[] TRANSACTION_MODES = TransactionMode.values();
    private static final Reversibility[] REVERSIBILITIES = Reversibility.values();

    /**
     * What few migrations have: dependencies, branch labels, an expand to finish, directives for
     * the whole migration. One shared {@link #NONE} serves every migration that has none of them.
     */
    private record Rare(List<String> dependsOn, Set<String> branchLabels, String expands,
                        List<Directive> migrationDirectives) {

        static final Rare NONE = new Rare(List.of(), Set.of(), null, List.of());

        static Rare of(List<String> dependsOn, Set<String> branchLabels, String expands,
                       List<Directive> migrationDirectives) {
            Rare rare = new Rare(dependsOn, branchLabels, expands, List.copyOf(migrationDirectives));
            return rare.equals(NONE) ? NONE : rare;
        }
    }

    /** What the loading pass learnt about the sections, without holding their statements. */
    record Sections(int upStatements, int downStatements, boolean usesBatch) {
    }

    /** @param digest the SHA-256 digest of a checksum of the current version ({@link Checksum#digest()}) */
    SqlMigration(Path file, MigrationHeader header, byte[] digest,
                 List<Directive> migrationDirectives, Sections sections) {
        String path = file.toString();
        String name = file.getFileName() == null ? path : file.getFileName().toString();
        if (!path.endsWith(name)) {
            name = path;
        }
        this.directory = path.substring(0, path.length() - name.length()).intern();
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] messageBytes = header.message().getBytes(StandardCharsets.UTF_8);
        this.nameAndMessage = Arrays.copyOf(nameBytes, nameBytes.length + messageBytes.length);
        System.arraycopy(messageBytes, 0, nameAndMessage, nameBytes.length, messageBytes.length);
        this.nameLength = nameBytes.length;
        this.revision = header.revision();
        this.parents = header.downRevisions();
        this.rare = Rare.of(header.dependsOn(), header.branchLabels(), header.expands(), migrationDirectives);
        this.phase = (byte) header.phase().ordinal();
        this.transaction = (byte) header.transaction().ordinal();
        this.reversible = (byte) header.reversible().ordinal();
        this.usesBatch = sections.usesBatch();
        this.upStatements = sections.upStatements();
        this.downStatements = sections.downStatements();
        if (digest.length != DIGEST_BYTES) {
            throw new IllegalArgumentException("a SHA-256 digest has " + DIGEST_BYTES + " bytes, not " + digest.length);
        }
        ByteBuffer words = ByteBuffer.wrap(digest);
        this.digest0 = words.getLong();
        this.digest1 = words.getLong();
        this.digest2 = words.getLong();
        this.digest3 = words.getLong();
    }

    Sections sections() {
        return new Sections(upStatements, downStatements, usesBatch);
    }

    public Path file() {
        return Path.of(origin());
    }

    /** The file's name, e.g. {@code 20260101120000_add_orders.sql}. */
    public String fileName() {
        return new String(nameAndMessage, 0, nameLength, StandardCharsets.UTF_8);
    }

    /** Built from the migration's fields on each call: a command keeps the fields, not the header. */
    @Override
    public MigrationHeader header() {
        String message = new String(nameAndMessage, nameLength, nameAndMessage.length - nameLength,
                StandardCharsets.UTF_8);
        return new MigrationHeader(revision, parents, message, PHASES[phase], rare.branchLabels(), rare.dependsOn(),
                transactionMode(), REVERSIBILITIES[reversible], rare.expands());
    }

    private TransactionMode transactionMode() {
        return TRANSACTION_MODES[transaction];
    }

    @Override
    public String id() {
        return revision;
    }

    @Override
    public List<String> parents() {
        return parents;
    }

    @Override
    public List<String> dependsOn() {
        return rare.dependsOn();
    }

    @Override
    public Set<String> branchLabels() {
        return rare.branchLabels();
    }

    /** The file's path as text, as {@link Path#toString()} gives it. */
    @Override
    public String origin() {
        return directory + fileName();
    }

    @Override
    public String checksum() {
        return Checksum.text(digest());
    }

    /** The checksum's digest bytes, for the parse cache. */
    byte[] digest() {
        return ByteBuffer.allocate(DIGEST_BYTES).putLong(digest0).putLong(digest1).putLong(digest2).putLong(digest3)
                .array();
    }

    /**
     * The {@code stepwise:allow} directives placed above {@code -- +up}, which accept findings
     * about the migration as a whole.
     */
    public List<Directive> migrationDirectives() {
        return rare.migrationDirectives();
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
        StatementClassifier effective = transactionMode() == TransactionMode.NONE
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
        return "SqlMigration[" + revision + " " + origin() + "]";
    }
}
