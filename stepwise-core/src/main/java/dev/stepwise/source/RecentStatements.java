package dev.stepwise.source;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements of the few small migration files read last, kept for the passes that follow one
 * another on a migration (the checks before a run, lint, the runner) so that each file is read
 * and split once; bounded in files and in bytes, so what is kept does not grow with the history.
 *
 * <p>It replaces a soft reference on each migration: the JVM clears soft references only when it
 * runs short of memory, so in practice they kept the statements of every migration a run had
 * touched, and the live heap of {@code upgrade} grew by a few KB per migration of the history.
 */
final class RecentStatements {

    private final int maxFiles;
    private final long maxBytes;
    private final Map<SqlMigration, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    private record Kept(List<SectionStatement> statements, long fileBytes) {
    }

    RecentStatements(int maxFiles, long maxBytes) {
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
    }

    /** The statements kept for the migration, or null. */
    synchronized List<SectionStatement> get(SqlMigration migration) {
        Kept k = kept.get(migration);
        return k == null ? null : k.statements();
    }

    /** Keeps the statements of a file of {@code fileBytes} bytes, letting go of the ones used longest ago. */
    synchronized void put(SqlMigration migration, List<SectionStatement> statements, long fileBytes) {
        Kept old = kept.put(migration, new Kept(statements, fileBytes));
        bytes += fileBytes - (old == null ? 0 : old.fileBytes());
        Iterator<Map.Entry<SqlMigration, Kept>> eldest = kept.entrySet().iterator();
        while ((kept.size() > maxFiles || bytes > maxBytes) && eldest.hasNext()) {
            Map.Entry<SqlMigration, Kept> e = eldest.next();
            if (e.getKey() == migration) {
                // the file just read is kept even when it alone is over the budget
                break;
            }
            bytes -= e.getValue().fileBytes();
            eldest.remove();
        }
    }
}
