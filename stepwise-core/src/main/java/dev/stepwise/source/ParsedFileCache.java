package dev.stepwise.source;

import dev.stepwise.config.StateDirectory;
import dev.stepwise.sql.Directive;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What checking a migration file found, kept under {@code .stepwise/} and keyed by the file's
 * name and the SHA-256 of its bytes, so a file that has not changed by a single byte is not lexed
 * again: every command reads every file, and lexing a thousand files in a fresh JVM costs far more
 * than hashing them.
 *
 * <p>The result of checking a file depends only on its name and bytes, so a hit is exactly what
 * parsing would give. The cache is an optimisation only: a missing, unreadable, foreign-version or
 * corrupt cache reads as empty, and writing it is best-effort (temporary file, atomic rename).
 */
final class ParsedFileCache {

    /** Bump whenever the parser's rules or the stored fields change. */
    private static final int FORMAT = 1;

    private final Path location;
    /** What the file held and no file of this load has asked for yet. */
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /**
     * This load's files, found or new, as the migrations the load returns: what {@link #save}
     * writes, so the cache does not grow with edits. A found entry leaves {@link #entries} and
     * only its migration stays, so a load holds each file once, in the migration's compact form.
     */
    private final Map<String, SqlMigration> used = new ConcurrentHashMap<>();
    private volatile boolean changed;

    /** One checked file (its checksum as the digest bytes {@link SqlMigration} keeps). */
    private record Entry(MigrationHeader header, byte[] digest, List<Directive> directives,
                         SqlMigration.Sections sections) {
    }

    private ParsedFileCache(Path location) {
        this.location = location;
    }

    /** The cache at {@code location}, or an empty one. */
    static ParsedFileCache open(Path location) {
        ParsedFileCache cache = new ParsedFileCache(location);
        if (location != null && Files.isRegularFile(location)) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(location)))) {
                cache.load(in);
            } catch (IOException | RuntimeException e) {
                cache.entries.clear();
            }
        }
        return cache;
    }

    /**
     * A migration equal to what parsing these bytes would give, or null. A file asked for twice
     * (two files of one name and content) is found the first time only, and put after parsing.
     */
    SqlMigration find(Path file, String digest) {
        String key = key(file, digest);
        Entry e = entries.remove(key);
        if (e == null) {
            return null;
        }
        SqlMigration found = new SqlMigration(file, e.header(), e.digest(), e.directives(), e.sections());
        used.put(key, found);
        return found;
    }

    void put(Path file, String digest, SqlMigration m) {
        used.put(key(file, digest), m);
        changed = true;
    }

    private static String key(Path file, String digest) {
        return file.getFileName() + "\t" + digest;
    }

    /**
     * Writes the entries of this load's files if they are not what the file holds (an entry was
     * added, or one was not asked for); failures only cost speed next time.
     */
    void save() {
        boolean asRead = !changed && entries.isEmpty();
        if (asRead || location == null) {
            return;
        }
        try {
            StateDirectory.ensure(location.getParent());
            Path tmp = Files.createTempFile(location.getParent(), location.getFileName().toString(), ".tmp");
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                write(out);
            }
            try {
                Files.move(tmp, location, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, location, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // a read-only project directory: the next run parses again
        }
    }

    private void write(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(used.size());
        for (Map.Entry<String, SqlMigration> item : used.entrySet()) {
            SqlMigration m = item.getValue();
            MigrationHeader h = m.header();
            out.writeUTF(item.getKey());
            out.writeUTF(h.revision());
            strings(out, h.downRevisions());
            out.writeUTF(h.message());
            out.writeUTF(h.phase().name());
            strings(out, h.branchLabels().stream().sorted().toList());
            strings(out, h.dependsOn());
            out.writeUTF(h.transaction().name());
            out.writeUTF(h.reversible().name());
            out.writeUTF(h.expands() == null ? "" : h.expands());
            out.writeUTF(m.checksum());
            out.writeInt(m.migrationDirectives().size());
            for (Directive d : m.migrationDirectives()) {
                out.writeUTF(d.name());
                out.writeInt(d.options().size());
                for (Map.Entry<String, String> o : d.options().entrySet()) {
                    out.writeUTF(o.getKey());
                    out.writeUTF(o.getValue());
                }
                strings(out, d.arguments());
                out.writeInt(d.line());
            }
            out.writeInt(m.sections().upStatements());
            out.writeInt(m.sections().downStatements());
            out.writeBoolean(m.sections().usesBatch());
        }
    }

    private void load(DataInputStream in) throws IOException {
        if (in.readInt() != FORMAT) {
            return;
        }
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String key = in.readUTF();
            MigrationHeader header = new MigrationHeader(in.readUTF(), strings(in), in.readUTF(),
                    Phase.valueOf(in.readUTF()), new HashSet<>(strings(in)), strings(in),
                    TransactionMode.valueOf(in.readUTF()), Reversibility.valueOf(in.readUTF()), blankToNull(in.readUTF()));
            // a value of another version or no hex is a corrupt cache: it reads as empty
            byte[] digest = Checksum.digestOf(in.readUTF());
            int directiveCount = in.readInt();
            List<Directive> directives = new ArrayList<>();
            for (int d = 0; d < directiveCount; d++) {
                String name = in.readUTF();
                int optionCount = in.readInt();
                Map<String, String> options = new LinkedHashMap<>();
                for (int o = 0; o < optionCount; o++) {
                    options.put(in.readUTF(), in.readUTF());
                }
                directives.add(new Directive(name, options, strings(in), in.readInt()));
            }
            SqlMigration.Sections sections = new SqlMigration.Sections(in.readInt(), in.readInt(), in.readBoolean());
            entries.put(key, new Entry(header, digest, directives, sections));
        }
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(in.readUTF());
        }
        return values;
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
