package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.expand.GeneratorRequest;
import dev.stepwise.graph.Revision;
import dev.stepwise.graph.RevisionGraph;
import dev.stepwise.graph.Targets;
import dev.stepwise.source.MigrationFileWriter;
import dev.stepwise.source.MigrationHeader;
import dev.stepwise.source.Phase;
import dev.stepwise.source.Reversibility;
import dev.stepwise.source.TransactionMode;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * {@code revision -m MSG}: writes a new, empty migration file on top of the current head; with a
 * generator ({@code --rename-column} and the others), the expand and contract migrations that
 * make the change safely, read from and tried on a replay of the migrations up to the parent.
 */
public final class RevisionCommand {

    /**
     * What to create.
     *
     * @param head        the parent: a revision, {@code head} (default), or {@code base} for a new root
     * @param branchLabel a label for the new revision, or null
     * @param dependsOn   revisions it depends on, may be empty
     */
    public record Request(String message, String head, String branchLabel, List<String> dependsOn, Phase phase,
                          GeneratorRequest generator) {

        public Request {
            dependsOn = List.copyOf(dependsOn);
            phase = phase == null ? Phase.EXPAND : phase;
        }

        public Request(String message, String head, String branchLabel, List<String> dependsOn, Phase phase) {
            this(message, head, branchLabel, dependsOn, phase, null);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Workspace workspace;

    public RevisionCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Writes the migration (the first one, with a generator) and returns its file. */
    public Path run(Request request) {
        return runAll(request).get(0);
    }

    /** Writes the migration(s) and returns their files, in the order they apply. */
    public List<Path> runAll(Request request) {
        if (request.generator() != null) {
            return new GeneratedRevisions(workspace).write(request);
        }
        return List.of(empty(request));
    }

    private Path empty(Request request) {
        if (request.message() == null || request.message().isBlank()) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "a revision needs a message: -m \"...\"");
        }
        RevisionGraph graph = workspace.migrations().graph();
        Targets targets = new Targets(graph);
        List<String> parents = parents(graph, targets, request.head());
        if (parents.isEmpty() && !graph.roots().isEmpty() && request.branchLabel() == null) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "a second root revision needs a branch"
                    + " label: add --branch-label NAME");
        }
        List<String> dependsOn = request.dependsOn().stream().map(targets::resolveRevision).toList();
        MigrationHeader header = new MigrationHeader(newId(graph), parents, request.message().strip(), request.phase(),
                request.branchLabel() == null ? Set.of() : Set.of(request.branchLabel()), dependsOn,
                TransactionMode.AUTO, Reversibility.YES, null);
        return new MigrationFileWriter(workspace.clock()).write(workspace.config().migrations(), header);
    }

    static List<String> parents(RevisionGraph graph, Targets targets, String head) {
        if ("base".equals(head)) {
            return List.of();
        }
        if (head == null || head.equals("head")) {
            List<Revision> heads = graph.heads();
            if (heads.size() > 1) {
                throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "there are " + heads.size()
                        + " heads (" + String.join(", ", heads.stream().map(Revision::id).toList())
                        + "): choose one with --head REV, or join them first with `stepwise merge`");
            }
            return heads.stream().map(Revision::id).toList();
        }
        return List.of(targets.resolveRevision(head));
    }

    /** A fresh 12-hex-digit id that is no prefix of, and has no prefix among, the existing ids. */
    static String newId(RevisionGraph graph) {
        while (true) {
            byte[] bytes = new byte[6];
            RANDOM.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            boolean clash = graph.topologicalOrder().stream().anyMatch(r -> r.id().startsWith(id) || id.startsWith(r.id()));
            if (!clash) {
                return id;
            }
        }
    }
}
