package dev.stepwise.reliability.input;

import java.util.ArrayList;
import java.util.List;

/**
 * A corpus file after one or more edits, written under the original's name (the name carries the
 * revision, so only the content is hostile).
 *
 * @param seed the seed of the {@link java.util.Random} it was drawn with: {@link Mutants#draw}
 *             with the same seed builds the same mutant again
 */
record Mutant(Corpus.File original, List<Mutation> kinds, List<String> edits, byte[] bytes, long seed) {

    Mutant {
        kinds = List.copyOf(kinds);
        edits = List.copyOf(edits);
    }

    /** Applies the edits in order. */
    static Mutant of(Corpus.File original, List<Edit> edits, long seed) {
        byte[] bytes = original.bytes();
        List<String> done = new ArrayList<>();
        for (Edit edit : edits) {
            Edit.Changed changed = edit.apply(bytes);
            bytes = changed.bytes();
            done.add(changed.description());
        }
        return new Mutant(original, edits.stream().map(Edit::kind).toList(), done, bytes, seed);
    }

    /** Whether only line endings and a BOM changed: then the file must read exactly like the original. */
    boolean keepsMeaning() {
        return kinds.stream().allMatch(Mutation::keepsMeaning);
    }

    String name() {
        return original.name();
    }

    @Override
    public String toString() {
        return original.name() + " " + String.join(" + ", edits) + " (mutant seed " + seed + ")";
    }
}
