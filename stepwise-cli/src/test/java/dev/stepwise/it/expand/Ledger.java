package dev.stepwise.it.expand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * What every row should hold: the last write to it, recorded after the write committed. Rows are
 * grouped in lanes; one client at a time owns a lane, so a row's writes are never concurrent.
 */
final class Ledger {

    /** The ids of one lane, handed from client to client as versions are deployed and stopped. */
    static final class Lane {

        private final long firstId;
        private final List<Long> ids = new ArrayList<>();

        private Lane(long firstId) {
            this.firstId = firstId;
        }

        synchronized long nextId() {
            long id = firstId + ids.size();
            ids.add(id);
            return id;
        }

        /** An id written before, or -1 when the lane is still empty. */
        synchronized long pick(java.util.Random random) {
            return ids.isEmpty() ? -1 : ids.get(random.nextInt(ids.size()));
        }

        synchronized List<Long> ids() {
            return List.copyOf(ids);
        }
    }

    private final Map<Long, Write> rows = new ConcurrentHashMap<>();
    private final List<Lane> lanes = new ArrayList<>();

    /** A new lane; lane n holds ids from n * 1,000,000 up (the fixture rows sit below). */
    synchronized Lane lane() {
        Lane lane = new Lane((lanes.size() + 1) * 1_000_000L);
        lanes.add(lane);
        return lane;
    }

    /** Rows the base migration wrote, as v1 would have. */
    void fixture(Map<Long, Value> values) {
        values.forEach((id, v) -> rows.put(id, new Write(Version.V1, v)));
    }

    void record(long id, Write write) {
        rows.put(id, write);
    }

    Write last(long id) {
        return rows.get(id);
    }

    Map<Long, Write> all() {
        return Map.copyOf(rows);
    }

    /**
     * After a downgrade, what the old shape holds is the truth: each row becomes a v1 write of what
     * {@code change} makes of its last write. Atomic per row, so a client writing the row at the
     * same time wins (its write comes later).
     */
    void rewrite(UnaryOperator<Write> change) {
        for (Long id : rows.keySet()) {
            rows.computeIfPresent(id, (k, w) -> change.apply(w));
        }
    }
}
