package dev.stepwise.reliability.input;

import dev.stepwise.source.MigrationHeader;
import dev.stepwise.sql.Directive;
import dev.stepwise.sql.SqlStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where two readings of a migration differ, in words; and whether they differ in what the
 * checksum covers (the statements' tokens, the directives other than {@code allow}, the
 * behaviour-changing header keys), which is what decides whether their checksums must differ.
 */
final class PlanDifference {

    private PlanDifference() {
    }

    /** The first difference, or null when the two are the same plan. */
    static String between(MigrationReading.Planned a, MigrationReading.Planned b) {
        if (!a.header().equals(b.header())) {
            return "header " + a.header() + " became " + b.header();
        }
        if (!a.checksum().equals(b.checksum())) {
            return "checksum " + a.checksum() + " became " + b.checksum();
        }
        if (!a.migrationDirectives().equals(b.migrationDirectives())) {
            return "migration directives " + a.migrationDirectives() + " became " + b.migrationDirectives();
        }
        String up = between("+up", a.up(), b.up());
        return up != null ? up : between("+down", a.down(), b.down());
    }

    private static String between(String section, List<SqlStatement> a, List<SqlStatement> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            SqlStatement x = a.get(i);
            SqlStatement y = b.get(i);
            if (!x.equals(y)) {
                String where = section + " statement " + (i + 1) + " (line " + x.line() + ")";
                if (!x.sql().equals(y.sql())) {
                    return where + ": text " + shown(x.sql()) + " became " + shown(y.sql());
                }
                return where + ": " + shown(x.toString()) + " became " + shown(y.toString());
            }
        }
        return a.size() == b.size() ? null
                : section + " had " + a.size() + " statements, now " + b.size();
    }

    /** Whether the two differ in anything the checksum covers. */
    static boolean inChecksummedContent(MigrationReading.Planned a, MigrationReading.Planned b) {
        return !checksummed(a).equals(checksummed(b));
    }

    private static List<Object> checksummed(MigrationReading.Planned p) {
        MigrationHeader h = p.header();
        List<Object> content = new ArrayList<>(List.of(h.downRevisions().stream().sorted().toList(),
                h.dependsOn().stream().sorted().toList(), h.transaction(), h.phase(), Objects.toString(h.expands())));
        for (List<SqlStatement> section : List.of(p.up(), p.down())) {
            List<Object> statements = new ArrayList<>();
            for (SqlStatement s : section) {
                statements.add(List.of(s.tokens(), s.directives().stream()
                        .filter(d -> !d.name().equals("allow")).map(Directive::canonicalText).toList()));
            }
            content.add(statements);
        }
        return content;
    }

    private static String shown(String text) {
        String escaped = text.replace("\r", "\\r").replace("\n", "\\n").replace("\uFEFF", "\\uFEFF");
        return "`" + (escaped.length() > 160 ? escaped.substring(0, 160) + "..." : escaped) + "`";
    }
}
