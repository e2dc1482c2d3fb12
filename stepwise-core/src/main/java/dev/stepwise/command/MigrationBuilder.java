package dev.stepwise.command;

import dev.stepwise.StepwiseException;
import dev.stepwise.autogen.DownChanges;
import dev.stepwise.autogen.SectionText;
import dev.stepwise.diff.SchemaChange;
import dev.stepwise.diff.SchemaDiff;
import dev.stepwise.dialect.SchemaChangeRenderer;
import dev.stepwise.schema.SchemaModel;
import dev.stepwise.source.Direction;
import dev.stepwise.source.MigrationHeader;
import dev.stepwise.source.Reversibility;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes generated migrations real on a replay, one after the other: a migration's {@code +up} is
 * applied, its {@code +down} is the reverse diff of what the {@code +up} did (so it undoes exactly
 * that part), the down is tried, the migration is linted at the schema it meets and given allows
 * where it has no safe form, and the {@code +up} runs again. So every migration handed to the user
 * has run up, down and up once, and the replay ends at the schema after it.
 */
final class MigrationBuilder {

    /** A finished draft and the statements it carries allows for. */
    record Built(DraftMigrations.Draft draft, List<UnsafeChange> unsafe) {
    }

    private final ScratchSchemas scratch;
    private final List<String> notes = new ArrayList<>();
    private final ReplayDatabase replay;
    private final DraftMigrations drafts;
    private final MigrationReview review;
    private final SchemaChangeRenderer renderer;

    MigrationBuilder(Workspace workspace, ScratchSchemas scratch, ReplayDatabase replay, DraftMigrations drafts,
                     MigrationReview review) {
        this.scratch = scratch;
        this.replay = replay;
        this.drafts = drafts;
        this.review = review;
        this.renderer = workspace.dialect().schemaChangeRenderer();
    }

    /**
     * What the diff left out (kinds it does not change yet): a failure on the replay names them,
     * since an object the diff left out (a sequence a default uses) is the likely cause.
     */
    void leftOut(List<String> diffNotes) {
        notes.addAll(diffNotes);
    }

    /** The replay's connection, at the schema the next migration meets, for generators to read. */
    java.sql.Connection schemaConnection() {
        return replay.connection();
    }

    /** The section text of changes, each the safe way. */
    String render(List<SchemaChange> changes) {
        SectionText text = new SectionText();
        changes.forEach(c -> text.change(c, renderer.render(c)));
        return text.toString();
    }

    /** A migration whose {@code +down} is worked out from what its {@code +up} does on the replay. */
    Built withReverseDown(MigrationHeader header, String up) {
        SchemaModel before = scratch.read(replay);
        DraftMigrations.Draft upOnly = drafts.draft(reversible(header, Reversibility.NO), up, "");
        apply(upOnly, Direction.UP);
        SchemaModel after = scratch.read(replay);
        SectionText down = new SectionText();
        for (SchemaChange c : SchemaDiff.between(after, before).changes()) {
            DownChanges.Restoring r = DownChanges.restoring(c);
            down.part(r.comments(), renderer.render(r.change()));
        }
        if (down.isEmpty()) {
            // the +up changed nothing the model sees: a generated migration must never be a no-op
            throw new StepwiseException(StepwiseException.Category.FAILED, "the generated "
                    + header.phase().keyword() + " migration changes nothing on a replay of the schema, so nothing"
                    + " was written (please report this with the schema/ files)");
        }
        DraftMigrations.Draft draft = drafts.draft(header, up, down.toString());
        apply(draft, Direction.DOWN);
        return reviewAndApply(draft);
    }

    /** A migration another writer made whole (a generator), tried up, down and up. */
    Built asWritten(MigrationHeader header, String up, String down) {
        DraftMigrations.Draft draft = drafts.draft(header, up, down);
        Built built = reviewed(draft);
        apply(built.draft(), Direction.UP);
        apply(built.draft(), Direction.DOWN);
        apply(built.draft(), Direction.UP);
        return built;
    }

    private Built reviewAndApply(DraftMigrations.Draft draft) {
        Built built = reviewed(draft);
        apply(built.draft(), Direction.UP);
        return built;
    }

    private Built reviewed(DraftMigrations.Draft draft) {
        MigrationReview.Reviewed r = review.review(replay, draft);
        return new Built(r.unsafe().isEmpty() ? draft : drafts.redraft(draft, r.text()), new ArrayList<>(r.unsafe()));
    }

    private void apply(DraftMigrations.Draft draft, Direction direction) {
        try {
            replay.apply(draft.migration(), direction);
        } catch (ReplayDatabase.ReplayFailed e) {
            throw new StepwiseException(StepwiseException.Category.FAILED, "the generated "
                    + draft.migration().header().phase().keyword() + " migration fails on a replay of the schema ("
                    + (direction == Direction.UP ? "+up" : "+down") + "), so nothing was written: "
                    + ScratchSchemas.firstLine(e.getMessage()) + (notes.isEmpty() ? ""
                    : " (the diff left out: " + String.join("; ", notes) + ")"));
        }
    }

    private static MigrationHeader reversible(MigrationHeader h, Reversibility r) {
        return new MigrationHeader(h.revision(), h.downRevisions(), h.message(), h.phase(), h.branchLabels(),
                h.dependsOn(), h.transaction(), r, h.expands());
    }
}
