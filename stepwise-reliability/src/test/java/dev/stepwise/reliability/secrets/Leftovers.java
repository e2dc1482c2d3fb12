package dev.stepwise.reliability.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** What a command left behind it on disk and in the database, for an {@link Exposure}. */
final class Leftovers {

    private Leftovers() {
    }

    /**
     * Every file under the roots that the test did not write as it is (the inputs, unchanged, are
     * the user's own): what the command wrote or changed, logs and caches among them.
     */
    static void files(List<Path> roots, Map<Path, String> inputs, Exposure exposure) {
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = text(file);
                    if (!text.equals(inputs.get(file))) {
                        exposure.add("file " + root.getParent().relativize(file), text);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Every row of every table in the database ({@code t::text}: the history and version rows
     * among them), every comment on its objects, and every database and role setting.
     */
    static void rows(PasswordServer server, String database, Exposure exposure) {
        for (String table : server.column(database, "SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
                + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")) {
            server.column(database, "SELECT t::text FROM " + table + " t")
                    .forEach(row -> exposure.add("a row of " + table, row));
        }
        server.column(database, "SELECT description FROM pg_description WHERE objoid >= 16384")
                .forEach(d -> exposure.add("a comment", d));
        server.column("postgres", "SELECT coalesce(setconfig::text, '') FROM pg_db_role_setting")
                .forEach(s -> exposure.add("a database or role setting", s));
    }

    /** A file's text, as UTF-8, leniently: the password's random runs are ASCII, found in any ASCII-based encoding. */
    static String text(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
