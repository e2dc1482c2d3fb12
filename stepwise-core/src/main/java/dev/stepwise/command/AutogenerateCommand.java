package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.autogen.ChangeLine;
import dev.stepwise.autogen.ChangeSplit;
import dev.stepwise.autogen.OneOffDefaults;
import dev.stepwise.autogen.RenameHint;
import dev.stepwise.autogen.SectionText;
import dev.stepwise.diff.AddColumn;
import dev.stepwise.diff.SchemaChange;
import dev.stepwise.diff.SchemaDiff;
import dev.stepwise.diff.SetColumnDefault;
import dev.stepwise.expand.GeneratedMigration;
import dev.stepwise.expand.GeneratorArgument.Name;
import dev.stepwise.expand.GeneratorRequest;
import dev.stepwise.graph.RevisionGraph;
import dev.stepwise.graph.Targets;
import dev.stepwise.run.DatabaseException;
import dev.stepwise.schema.Column;
import dev.stepwise.schema.Nullability;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.source.MigrationHeader;
import dev.stepwise.source.Phase;
import dev.stepwise.source.Reversibility;
import dev.stepwise.source.TransactionMode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code revision --autogenerate -m MSG}: compares the schema the migrations build (replayed up to
 * the head) with the desired schema in {@code schema/}, and writes the migrations that turn one
 * into the other: an expand migration with what the running code survives, then, when something
 * is dropped or narrowed, a contract migration that {@code expands:} it. A rename hint
 * ({@code --rename-column}, {@code --rename-table}, {@code --change-type}) turns the drop and add it
 * names into the expand/contract generator's migrations, written first. Nothing is written when
 * there is no difference, or when any migration fails on the replay; the migrations written reach
 * {@code schema/} exactly (checked on the replay).
 */
public final class AutogenerateCommand {

    /**
     * What to generate.
     *
     * @param head     the parent: a revision or {@code head} (default)
     * @param defaults the {@code --default} values (see {@link OneOffDefaults})
     * @param hints    rename or type-change generator requests, each applied in turn; empty for none
     */
    public record Request(String message, String head, String branchLabel, List<String> dependsOn,
                          List<String> defaults, List<GeneratorRequest> hints) {

        public Request {
            dependsOn = List.copyOf(dependsOn);
            defaults = List.copyOf(defaults);
            hints = List.copyOf(hints);
        }
    }

    /**
     * What was done.
     *
     * @param files   the migrations written, in the order they apply; empty when there was no difference
     * @param changes the difference, one line per change
     * @param notes   what the diff noticed and does not act on (column order, kinds it does not change yet)
     * @param unsafe  statements written with an allow because they have no safe form
     */
    public record Result(List<Path> files, List<ChangeLine> changes, List<String> notes, List<UnsafeChange> unsafe) {

        public boolean noChanges() {
            return files.isEmpty();
        }
    }

    private final Workspace workspace;

    public AutogenerateCommand(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Where the desired schema is read from. */
    static Path schemaDirectory(Workspace workspace) {
        return workspace.config().projectDirectory().resolve("schema");
    }

    public Result run(Request request) {
        if (request.message() == null || request.message().isBlank()) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT,
                    "revision --autogenerate needs a message: -m \"...\"");
        }
        request.hints().forEach(RenameHint::check);
        OneOffDefaults defaults = OneOffDefaults.parse(request.defaults());
        RevisionGraph graph = workspace.migrations().graph();
        Targets targets = new Targets(graph);
        List<String> parents = RevisionCommand.parents(graph, targets, request.head());
        List<String> dependsOn = request.dependsOn().stream().map(targets::resolveRevision).toList();
        int version = ScratchSchemas.targetVersion(workspace);
        ScratchSchemas scratch = new ScratchSchemas(workspace, version);
        SchemaModel desired = scratch.desired(schemaDirectory(workspace), "schema");
        Set<String> applied = new HashSet<>(parents);
        parents.forEach(p -> applied.addAll(graph.ancestors(p)));
        List<String> notices = new ArrayList<>();
        Connection target = workspace.targetConfigured() ? workspace.openCatalogConnection() : null;
        try (ReplayDatabase replay = scratch.replay(workspace.migrations(), applied, "the migrations up to "
                + (parents.isEmpty() ? "base" : String.join(", ", parents)));
             DraftMigrations drafts = new DraftMigrations(workspace, graph)) {
            MigrationBuilder builder = new MigrationBuilder(workspace, scratch, replay, drafts,
                    new MigrationReview(workspace, target, version, notices));
            Chain chain = new Chain(parents, dependsOn, request.branchLabel());
            SchemaModel head = scratch.read(replay);
            SchemaDiff.Result diff = SchemaDiff.between(head, desired);
            List<ChangeLine> summary = new ArrayList<>();
            List<MigrationBuilder.Built> built = new ArrayList<>();
            for (GeneratorRequest hint : request.hints()) {
                // each hint is found in the diff as it stands after the generators before it
                RenameHint.find(hint, diff.changes());
                summary.add(new ChangeLine("~", hint.describe() + " (expand/contract generator)"));
                List<GeneratedMigration> generated = workspace.dialect().generator().generate(replay.connection(), hint);
                for (GeneratedMigration g : generated) {
                    String message = generated.size() > 1 && g.why() != null ? g.why() + ": " + hint.describe()
                            : hint.describe();
                    built.add(builder.asWritten(chain.next(drafts.newId(), message, g.phase(), g.reversible()),
                            g.up(), g.down()));
                }
                head = scratch.read(replay);
                diff = SchemaDiff.between(head, desired);
            }
            diff.changes().forEach(c -> summary.add(ChangeLine.of(c)));
            List<String> notes = new ArrayList<>(diff.notes());
            notes.addAll(notices);
            if (diff.isEmpty() && built.isEmpty()) {
                return new Result(List.of(), List.of(), notes, List.of());
            }
            if (!diff.isEmpty()) {
                builder.leftOut(diff.notes());
                built.addAll(autogenerated(builder, drafts, chain, head, diff, defaults, request.message().strip()));
            }
            List<ChangeLine> left = SchemaDiff.between(scratch.read(replay), desired).changes().stream()
                    .map(ChangeLine::of).toList();
            if (!left.isEmpty()) {
                throw new StepwiseException(StepwiseException.Category.FAILED, "the generated migrations do not reach"
                        + " schema/ on a replay (left: " + String.join("; ", left.stream().map(String::valueOf).toList())
                        + "), so nothing was written");
            }
            List<Path> files = drafts.write(built.stream().map(MigrationBuilder.Built::draft).toList());
            List<UnsafeChange> unsafe = new ArrayList<>();
            built.forEach(b -> unsafe.addAll(b.unsafe()));
            return new Result(files, summary, notes, unsafe);
        } catch (SQLException e) {
            throw new DatabaseException("reading the schema the generators work on", e);
        } finally {
            if (target != null) {
                try {
                    target.close();
                } catch (SQLException ignored) {
                    // only read
                }
            }
        }
    }

    /** The expand migration and, when the diff drops or narrows something, the contract one. */
    private List<MigrationBuilder.Built> autogenerated(MigrationBuilder builder, DraftMigrations drafts, Chain chain,
                                                       SchemaModel head, SchemaDiff.Result diff,
                                                       OneOffDefaults defaults, String message) throws SQLException {
        ChangeSplit split = ChangeSplit.of(diff.changes(), workspace.dialect().columnTypes());
        List<AddColumn> required = split.expand().stream().filter(AddColumn.class::isInstance).map(AddColumn.class::cast)
                .filter(a -> head.table(a.table()).isPresent() && needsValue(a.column())).toList();
        List<String> missing = required.stream().filter(a -> a.column().defaultValue() == null
                && defaults.forColumn(a.table(), a.column().name()) == null)
                .map(a -> a.table() + "." + a.column().name()).toList();
        if (!missing.isEmpty()) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "schema/ adds the required column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " (NOT NULL, no default) to a"
                    + " table that has rows: give the value existing rows get with --default EXPR (or --default"
                    + " TABLE.COL=EXPR per column); the expand migration adds it with that default and the contract"
                    + " migration drops the default again");
        }
        List<String> unused = defaults.unusedColumns(required.stream().map(a -> a.table() + "." + a.column().name())
                .toList());
        if (!unused.isEmpty()) {
            throw new StepwiseException(StepwiseException.Category.BAD_INPUT, "--default names " + String.join(", ",
                    unused) + ", which is no required column schema/ adds");
        }
        SectionText up = new SectionText();
        List<SchemaChange> oneOffDrops = new ArrayList<>();
        for (SchemaChange c : split.expand()) {
            if (c instanceof AddColumn a && required.contains(a)) {
                String value = a.column().defaultValue() != null ? a.column().defaultValue()
                        : defaults.forColumn(a.table(), a.column().name());
                up.comments(List.of(ChangeLine.of(c).toString() + (a.column().defaultValue() == null
                        ? " (existing rows get " + value + ", a one-off default the contract migration drops)" : "")));
                up.raw(requiredColumn(builder, a, value));
                if (a.column().defaultValue() == null) {
                    oneOffDrops.add(new SetColumnDefault(a.table(), a.column().name(), null));
                }
            } else {
                up.change(c, workspace.dialect().schemaChangeRenderer().render(c));
            }
        }
        List<SchemaChange> contract = new ArrayList<>(oneOffDrops);
        contract.addAll(split.contract());
        boolean both = !up.isEmpty() && !contract.isEmpty();
        List<MigrationBuilder.Built> built = new ArrayList<>();
        if (!up.isEmpty()) {
            up.comments(notesAsComments(diff.notes()));
            built.add(builder.withReverseDown(chain.next(drafts.newId(), both ? "expand: " + message : message,
                    Phase.EXPAND, Reversibility.YES), up.toString()));
        }
        if (!contract.isEmpty()) {
            boolean lossy = split.contract().stream().anyMatch(c -> ChangeSplit.destructive(c,
                    workspace.dialect().columnTypes()));
            String text = "Contract: apply it once no running code uses what it drops or narrows (the contract gate"
                    + "\nwaits for the deploy between the two migrations).";
            String body = new SectionText().comments(List.of(text)).toString() + "\n" + builder.render(contract);
            built.add(builder.withReverseDown(chain.next(drafts.newId(), both ? "contract: " + message : message,
                    Phase.CONTRACT, lossy ? Reversibility.LOSSY : Reversibility.YES), body));
        }
        return built;
    }

    /** A NOT NULL column without a value of its own: neither identity nor generated. */
    private static boolean needsValue(Column c) {
        return c.nullability() == Nullability.NOT_NULL && c.identity() == Column.Identity.NONE && c.generated() == null;
    }

    /** The {@code --add-required-column} generator's {@code +up} for the column: one statement, or a backfill. */
    private String requiredColumn(MigrationBuilder builder, AddColumn a, String value) throws SQLException {
        Column c = a.column();
        GeneratorRequest.AddRequiredColumn request = new GeneratorRequest.AddRequiredColumn(
                new GeneratorRequest.TablePath(new Name(a.table().schema(), true), new Name(a.table().name(), true)),
                new Name(c.name(), true), c.type() + collate(c.collation()), value);
        List<GeneratedMigration> generated = workspace.dialect().generator().generate(builder.schemaConnection(), request);
        return generated.get(0).up();
    }

    /** {@code COLLATE "C"} or {@code COLLATE "myschema"."german"}, as the introspector reports collations. */
    private String collate(String collation) {
        if (collation == null) {
            return "";
        }
        int dot = collation.indexOf('.');
        return " COLLATE " + (dot < 0 ? workspace.dialect().quoteIdentifier(collation)
                : workspace.dialect().quoteIdentifier(collation.substring(0, dot)) + "."
                + workspace.dialect().quoteIdentifier(collation.substring(dot + 1)));
    }

    private static List<String> notesAsComments(List<String> notes) {
        if (notes.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of("Not done by this migration (the diff noticed it and does not act"
                + " on it):"));
        notes.forEach(n -> lines.add("  " + n));
        return lines;
    }

    /** The headers of the new migrations: each on top of the one before, a contract expanding the last expand. */
    private static final class Chain {
        private List<String> previous;
        private final List<String> dependsOn;
        private final String branchLabel;
        private String lastExpand;
        private boolean first = true;

        Chain(List<String> parents, List<String> dependsOn, String branchLabel) {
            this.previous = parents;
            this.dependsOn = dependsOn;
            this.branchLabel = branchLabel;
        }

        MigrationHeader next(String id, String message, Phase phase, Reversibility reversible) {
            MigrationHeader h = new MigrationHeader(id, previous, message, phase,
                    first && branchLabel != null ? Set.of(branchLabel) : Set.of(), first ? dependsOn : List.of(),
                    TransactionMode.AUTO, reversible, phase == Phase.CONTRACT ? lastExpand : null);
            first = false;
            previous = List.of(id);
            if (phase == Phase.EXPAND) {
                lastExpand = id;
            }
            return h;
        }
    }
}
