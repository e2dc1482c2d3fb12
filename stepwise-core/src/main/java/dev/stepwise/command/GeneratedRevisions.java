package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.expand.GeneratedMigration;
import dev.stepwise.graph.Revision;
import dev.stepwise.graph.RevisionGraph;
import dev.stepwise.graph.Targets;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.source.Direction;
import dev.stepwise.source.Migration;
import dev.stepwise.source.MigrationFileParser;
import dev.stepwise.source.MigrationFileWriter;
import dev.stepwise.source.MigrationHeader;
import dev.stepwise.source.Phase;
import dev.stepwise.source.SqlMigration;
import dev.stepwise.source.TransactionMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The migrations of an expand/contract generator: the schema at the parent revision is replayed
 * into a scratch database, the dialect's generator reads it and writes the SQL, and the new
 * migrations are tried there (up, down, up again, each of them) before any file is written, so a
 * generated migration that would fail is never handed to the user.
 */
final class GeneratedRevisions {

    private final Workspace workspace;

    GeneratedRevisions(Workspace workspace) {
        this.workspace = workspace;
    }

    List<Path> write(RevisionCommand.Request request) {
        if (request.phase() != Phase.EXPAND) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "--phase does not go with a generator:"
                    + " it writes the expand and contract migrations itself");
        }
        RevisionGraph graph = workspace.migrations().graph();
        Targets targets = new Targets(graph);
        List<String> parents = RevisionCommand.parents(graph, targets, request.head());
        List<String> dependsOn = request.dependsOn().stream().map(targets::resolveRevision).toList();
        String message = request.message() == null || request.message().isBlank()
                ? request.generator().describe() : request.message().strip();
        String name = "gen_" + workspace.runId() + "_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (ReplayDatabase replay = ReplayDatabase.create(workspace.replayServer(0), workspace.dialect(), name)) {
            replayUpTo(replay, graph, parents);
            List<GeneratedMigration> generated = workspace.dialect().generator()
                    .generate(replay.connection(), request.generator());
            Path scratch = Files.createTempDirectory("stepwise-generated");
            try {
                List<Rendered> files = render(graph, parents, dependsOn, request.branchLabel(), message, generated,
                        scratch);
                tryOn(replay, files);
                List<Path> written = new ArrayList<>();
                for (Rendered f : files) {
                    written.add(new MigrationFileWriter(workspace.clock()).write(f.file(), f.text()));
                }
                return written;
            } finally {
                try (var left = Files.list(scratch)) {
                    for (Path p : left.toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Files.deleteIfExists(scratch);
            }
        } catch (SQLException e) {
            throw new DatabaseException("reading the schema for " + request.generator().describe(), e);
        } catch (IOException e) {
            throw new StepwiseException(StepwiseException.Category.FAILED, "cannot use a scratch directory to try the"
                    + " generated migrations: " + e.getMessage());
        }
    }

    /** A new migration: where it goes, its text, and the same text parsed from a scratch copy. */
    private record Rendered(Path file, String text, SqlMigration migration) {
    }

    private void replayUpTo(ReplayDatabase replay, RevisionGraph graph, List<String> parents) {
        Set<String> needed = new HashSet<>(parents);
        parents.forEach(p -> needed.addAll(graph.ancestors(p)));
        for (Revision r : graph.topologicalOrder()) {
            if (!needed.contains(r.id())) {
                continue;
            }
            Migration m = workspace.migrations().get(r.id());
            if (!(m instanceof SqlMigration sql)) {
                workspace.listener().notice("Java migration " + r.id() + " is not replayed: the generator reads the"
                        + " schema without what it changes");
                continue;
            }
            try {
                replay.apply(sql);
            } catch (ReplayDatabase.ReplayFailed e) {
                throw new StepwiseException(StepwiseException.Category.FAILED, "cannot replay the migrations up to the"
                        + " new revision's parent, to read the schema the generator works on: " + e.getMessage());
            }
        }
    }

    private List<Rendered> render(RevisionGraph graph, List<String> parents, List<String> dependsOn,
                                  String branchLabel, String message, List<GeneratedMigration> generated,
                                  Path scratch) throws IOException {
        MigrationFileWriter writer = new MigrationFileWriter(workspace.clock());
        Path directory = workspace.config().migrations();
        List<Rendered> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        List<String> previous = parents;
        String expand = null;
        for (int i = 0; i < generated.size(); i++) {
            GeneratedMigration g = generated.get(i);
            String id = freshId(graph, ids);
            boolean first = i == 0;
            MigrationHeader header = new MigrationHeader(id, previous,
                    generated.size() > 1 && g.why() != null ? g.why() + ": " + message : message, g.phase(),
                    first && branchLabel != null ? Set.of(branchLabel) : Set.of(), first ? dependsOn : List.of(),
                    TransactionMode.AUTO, g.reversible(), g.phase() == Phase.CONTRACT ? expand : null);
            String text = writer.render(header, g.up(), g.down());
            Path file = writer.path(directory, header);
            Path copy = scratch.resolve(file.getFileName());
            Files.writeString(copy, text, StandardCharsets.UTF_8);
            out.add(new Rendered(file, text, new MigrationFileParser().parse(copy)));
            if (g.phase() == Phase.EXPAND) {
                expand = id;
            }
            previous = List.of(id);
        }
        return out;
    }

    /** A new id, clear of the graph's and of those given to the other new migrations. */
    private static String freshId(RevisionGraph graph, Set<String> taken) {
        while (true) {
            String id = RevisionCommand.newId(graph);
            if (taken.stream().noneMatch(other -> other.startsWith(id) || id.startsWith(other))) {
                taken.add(id);
                return id;
            }
        }
    }

    /** Each new migration up, down and up again on the replay, in order: what the user gets has run once. */
    private static void tryOn(ReplayDatabase replay, List<Rendered> files) {
        for (Rendered f : files) {
            for (Direction d : new Direction[] {Direction.UP, Direction.DOWN, Direction.UP}) {
                try {
                    replay.apply(f.migration(), d);
                } catch (ReplayDatabase.ReplayFailed e) {
                    throw new StepwiseException(StepwiseException.Category.FAILED, "the generated "
                            + f.migration().header().phase().keyword() + " migration fails on a replay of the schema ("
                            + (d == Direction.UP ? "+up" : "+down") + "), so nothing was written: " + e.getMessage());
                }
            }
        }
    }
}
