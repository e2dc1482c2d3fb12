package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.autogen.ChangeLine;
import dev.stepwise.autogen.SectionText;
import dev.stepwise.diff.SchemaDiff;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.source.MigrationHeader;
import dev.stepwise.source.Phase;
import dev.stepwise.source.Reversibility;
import dev.stepwise.source.TransactionMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code baseline -m MSG}: the first revision of a project adopting an existing database, read from
 * its live schema: the {@code +up} creates everything the database has (as the diff from a fresh
 * database renders it, tables as new ones), the {@code +down} drops it again. The database itself
 * is not touched; the user then {@code stamp}s it with the new revision. Refused when the project
 * has migrations already: a baseline is where a revision graph starts.
 */
public final class BaselineCommand {

    /**
     * What was written.
     *
     * @param changes one line per object the baseline creates
     * @param notes   what the diff noticed and does not create yet (the baseline's file says so too)
     */
    public record Result(Path file, String revision, List<ChangeLine> changes, List<String> notes,
                         List<UnsafeChange> unsafe) {
    }

    private final Workspace workspace;

    public BaselineCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    public Result run(String message) {
        if (message == null || message.isBlank()) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "baseline needs a message: -m \"...\"");
        }
        Path directory = workspace.config().migrations();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, directory + " cannot be created: "
                    + e.getMessage());
        }
        if (!workspace.migrations().graph().topologicalOrder().isEmpty()) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "the project has migrations already: a"
                    + " baseline is the first revision of a project adopting a database; to start over, move the"
                    + " migrations out of " + directory);
        }
        SchemaModel live;
        ScratchSchemas scratch;
        int version;
        List<String> notices = new ArrayList<>();
        try (Connection c = workspace.openReadConnection()) {
            version = workspace.dialect().serverInfo(c).majorVersion();
            scratch = new ScratchSchemas(workspace, version);
            live = scratch.live(c);
        } catch (SQLException e) {
            throw new DatabaseException("reading the database's schema", e);
        }
        try (ReplayDatabase replay = scratch.fresh();
             DraftMigrations drafts = new DraftMigrations(workspace, workspace.migrations().graph())) {
            SchemaDiff.Result diff = SchemaDiff.between(scratch.read(replay), live);
            if (diff.isEmpty()) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "the database's schema is that of"
                        + " an empty database: there is nothing to baseline (start with `stepwise revision`)");
            }
            MigrationBuilder builder = new MigrationBuilder(workspace, scratch, replay, drafts,
                    new MigrationReview(workspace, null, version, notices));
            builder.leftOut(diff.notes());
            SectionText up = new SectionText().comments(List.of("Baseline: the schema of the database as it was"
                    + " read, for a project adopting it.", "Stamp that database with this revision instead of"
                    + " applying it there; it builds new databases."));
            up.raw(builder.render(diff.changes()));
            if (!diff.notes().isEmpty()) {
                List<String> lines = new ArrayList<>(List.of("Not in this baseline (add it by hand):"));
                diff.notes().forEach(n -> lines.add("  " + n));
                up.comments(lines);
            }
            MigrationHeader header = new MigrationHeader(drafts.newId(), List.of(), message.strip(), Phase.EXPAND,
                    Set.of(), List.of(), TransactionMode.AUTO, Reversibility.LOSSY, null);
            MigrationBuilder.Built built = builder.withReverseDown(header, up.toString());
            List<ChangeLine> left = SchemaDiff.between(scratch.read(replay), live).changes().stream()
                    .map(ChangeLine::of).toList();
            if (!left.isEmpty()) {
                throw new StepwiseException(StepwiseException.Category.FAILED, "the baseline does not rebuild the"
                        + " database's schema on a replay (left: " + String.join("; ", left.stream()
                        .map(String::valueOf).toList()) + "), so nothing was written");
            }
            Path file = drafts.write(List.of(built.draft())).get(0);
            List<String> notes = new ArrayList<>(diff.notes());
            notes.addAll(notices);
            return new Result(file, header.revision(), diff.changes().stream().map(ChangeLine::of).toList(), notes,
                    built.unsafe());
        }
    }
}
