package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.graph.RevisionGraph;
import dev.stepwise.source.MigrationFileParser;
import dev.stepwise.source.MigrationFileWriter;
import dev.stepwise.source.MigrationHeader;
import dev.stepwise.source.SqlMigration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * New migrations drafted before any is written: each rendered under a fresh revision id and
 * parsed back from a copy in a scratch directory (a migration's plan reads its file), so it can
 * be tried on a replay and linted; {@link #write} puts them into {@code migrations/} only once all
 * of them passed. Closing removes the scratch copies.
 */
final class DraftMigrations implements AutoCloseable {

    /** A drafted migration: where it will go, its text, and the scratch copy parsed. */
    record Draft(Path file, String text, SqlMigration migration) {

        String revision() {
            return migration.revision();
        }
    }

    private final Workspace workspace;
    private final RevisionGraph graph;
    private final MigrationFileWriter writer;
    private final Set<String> ids = new HashSet<>();
    private final Path scratch;

    DraftMigrations(Workspace workspace, RevisionGraph graph) {
        this.workspace = workspace;
        this.graph = graph;
        this.writer = new MigrationFileWriter(workspace.clock());
        try {
            this.scratch = Files.createTempDirectory("stepwise-drafts");
        } catch (IOException e) {
            throw new StepwiseException(StepwiseException.Category.FAILED, "cannot make a scratch directory for the"
                    + " new migrations: " + e.getMessage());
        }
    }

    /** A new id, clear of the graph's and of those given to the other drafts. */
    String newId() {
        while (true) {
            String id = RevisionCommand.newId(graph);
            if (ids.stream().noneMatch(other -> other.startsWith(id) || id.startsWith(other))) {
                ids.add(id);
                return id;
            }
        }
    }

    Draft draft(MigrationHeader header, String up, String down) {
        return draft(writer.path(workspace.config().migrations(), header), writer.render(header, up, down));
    }

    /** The same migration with other text (the same header), e.g. with allow directives added. */
    Draft redraft(Draft draft, String text) {
        return draft(draft.file(), text);
    }

    private Draft draft(Path file, String text) {
        Path copy = scratch.resolve(file.getFileName());
        try {
            Files.writeString(copy, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StepwiseException(StepwiseException.Category.FAILED, "cannot write a draft migration to "
                    + copy + ": " + e.getMessage());
        }
        return new Draft(file, text, new MigrationFileParser().parse(copy));
    }

    /** Writes the drafts into {@code migrations/}, in order; never overwrites a file. */
    List<Path> write(List<Draft> drafts) {
        List<Path> written = new ArrayList<>();
        for (Draft d : drafts) {
            written.add(writer.write(d.file(), d.text()));
        }
        return written;
    }

    @Override
    public void close() {
        try (Stream<Path> left = Files.list(scratch)) {
            for (Path p : left.toList()) {
                Files.deleteIfExists(p);
            }
            Files.deleteIfExists(scratch);
        } catch (IOException ignored) {
            // a temporary directory: the system clears it in the end
        }
    }
}
