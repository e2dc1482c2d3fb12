package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.dialect.Dialect;
import dev.stepwise.dialect.VersionTableSql;
import dev.stepwise.graph.Revision;
import dev.stepwise.graph.Targets;
import dev.stepwise.source.Direction;
import dev.stepwise.source.JavaCodedMigration;
import dev.stepwise.source.Migration;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.sql.StatementClassifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code upgrade --sql} / {@code downgrade --sql}: writes the script a run would execute, version
 * table writes included, without connecting to any database. Statements that cannot run in a
 * transaction block stand outside one, marked as such.
 */
public final class SqlScriptCommand {

    /**
     * What to render.
     *
     * @param range         {@code TO} or {@code FROM:TO}; a downgrade needs both ends
     * @param serverVersion the server major version whose rules apply, or 0 for the dialect's default
     */
    public record Request(Direction direction, String range, int serverVersion) {
    }

    private final Workspace workspace;

    public SqlScriptCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public void run(Request request, Appendable out) {
        MigrationSet set = workspace.migrations();
        Targets targets = new Targets(set.graph());
        Dialect dialect = workspace.dialect();
        int version = request.serverVersion() > 0 ? request.serverVersion() : dialect.defaultServerMajorVersion();
        StatementClassifier classifier = dialect.classifier(version);
        VersionTableSql tables = workspace.versionTables().sql();
        String range = request.range() == null ? "head" : request.range();
        int colon = range.indexOf(':');
        String from = colon < 0 ? null : range.substring(0, colon);
        String to = colon < 0 ? range : range.substring(colon + 1);
        Set<String> heads = startHeads(targets, request.direction(), from, range);
        List<Revision> steps = request.direction() == Direction.UP
                ? targets.upgradeTo(to, heads).steps()
                : targets.downgradeTo(to, heads).steps();
        ScriptWriter script = new ScriptWriter(out, dialect, tables);
        try {
            script.comment("Stepwise " + request.direction().keyword() + "grade " + (from == null ? "base" : from)
                    + " -> " + to + ": offline script for " + dialect.name() + " " + version);
            script.comment("Statements marked \"outside a transaction\" must not be wrapped in one.");
            if (request.direction() == Direction.UP && heads.isEmpty()) {
                script.versionTables();
            }
            for (Revision r : steps) {
                Migration m = set.get(r.id());
                if (m instanceof JavaCodedMigration) {
                    throw new StepwiseException(StepwiseException.Category.BAD_INPUT, m.origin() + ": revision "
                            + m.revision() + " is a Java migration and cannot be rendered as SQL; run it with"
                            + " `stepwise " + request.direction().keyword() + "grade` instead");
                }
                Set<String> after = request.direction() == Direction.UP
                        ? targets.headsAfterApplying(heads, r.id())
                        : targets.headsAfterUnapplying(heads, r.id());
                script.migration((SqlMigration) m, request.direction(), classifier, heads, after);
                heads = after;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> startHeads(Targets targets, Direction direction, String from, String range) {
        if (from == null || from.isBlank() || from.equals("base")) {
            if (direction == Direction.DOWN) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "downgrade --sql needs a range"
                        + " FROM:TO (e.g. head:base), since there is no database to ask where it is; got '" + range + "'");
            }
            return Set.of();
        }
        if (from.equals("heads") || from.equals("head")) {
            return targets.stampHeads(from);
        }
        return new LinkedHashSet<>(List.of(targets.resolveRevision(from)));
    }
}
