package dev.stepwise.graph;

import java.util.List;

/**
 * The place of each revision in a list, by id: an open-addressing table of places. A
 * {@code HashMap<String, Integer>} would cost a node and a boxed {@code Integer} per revision
 * (about 60 bytes); this costs two or four {@code int}s per revision, which matters to a command
 * that holds the graph of a history of thousands of migrations for the whole run.
 */
final class RevisionIndex {

    private final List<Revision> revisions;
    /** Place + 1 of the revision whose id hashes here (or, probing on, nearby); 0 for an empty slot. */
    private final int[] slots;

    /** @param revisions with distinct ids (the graph's checks refuse duplicates first) */
    RevisionIndex(List<Revision> revisions) {
        this.revisions = revisions;
        // at most half full, so a look-up probes a slot or two
        this.slots = new int[Math.max(4, Integer.highestOneBit(Math.max(1, revisions.size())) << 2)];
        for (int place = 0; place < revisions.size(); place++) {
            int slot = firstSlot(revisions.get(place).id());
            while (slots[slot] != 0) {
                slot = next(slot);
            }
            slots[slot] = place + 1;
        }
    }

    /** The place of the revision with this id, or -1. */
    int of(String id) {
        if (id == null) {
            return -1;
        }
        for (int slot = firstSlot(id); slots[slot] != 0; slot = next(slot)) {
            int place = slots[slot] - 1;
            if (revisions.get(place).id().equals(id)) {
                return place;
            }
        }
        return -1;
    }

    private int firstSlot(String id) {
        int h = id.hashCode();
        return (h ^ (h >>> 16)) & (slots.length - 1);
    }

    private int next(int slot) {
        return (slot + 1) & (slots.length - 1);
    }
}
