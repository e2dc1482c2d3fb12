package dev.stepwise.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class LatencyWindowTest {

    private static final long MS = 1_000_000L;

    @Test
    void p999_ofAThousandRequests_isTheSecondSlowest() {
        long[] dues = new long[1000];
        long[] nanos = new long[1000];
        for (int i = 0; i < 1000; i++) {
            dues[i] = i * MS;
            nanos[i] = (i + 1) * MS;
        }

        LatencyWindow w = LatencyWindow.of(dues, nanos, new boolean[1000], 1000, 0, 1000 * MS);

        assertThat(w.requests()).isEqualTo(1000);
        assertThat(w.p999Millis()).isEqualTo(999.0);
        assertThat(w.maxMillis()).isEqualTo(1000.0);
        assertThat(w.requestsPerSecond()).isCloseTo(1000.0, within(1e-9));
    }

    @Test
    void aRequestDueInTheWindow_countsWithItsWholeLatency_evenIfItEndsAfter() {
        // due at 10 ms, stalled for 2 s by a lock: it belongs to the window it was due in
        long[] dues = {5 * MS, 10 * MS, 2_500 * MS};
        long[] nanos = {1 * MS, 2_000 * MS, 1 * MS};

        LatencyWindow w = LatencyWindow.of(dues, nanos, new boolean[3], 3, 0, 1_000 * MS);

        assertThat(w.requests()).isEqualTo(2);
        assertThat(w.maxMillis()).isEqualTo(2_000.0);
        // only the first finished inside the second the window lasted
        assertThat(w.completedPerSecond()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void onlyTheGivenSizeOfTheArrays_isRead() {
        long[] dues = {0, MS, 2 * MS, 3 * MS};
        long[] nanos = {MS, MS, 900 * MS, 900 * MS};

        assertThat(LatencyWindow.of(dues, nanos, new boolean[4], 2, 0, 10 * MS).maxMillis()).isEqualTo(1.0);
    }

    @Test
    void aWindowWithoutRequests_reportsZeros_andAnEmptyWindowIsAnError() {
        LatencyWindow w = LatencyWindow.of(new long[] {50 * MS}, new long[] {MS}, new boolean[1], 1, 0, 10 * MS);

        assertThat(w.requests()).isZero();
        assertThat(w.p999Millis()).isZero();
        assertThatThrownBy(() -> LatencyWindow.of(new long[0], new long[0], new boolean[0], 0, 5, 5))
                .hasMessageContaining("an empty window");
    }

    @Test
    void readsAndWrites_haveTheirOwnP999_soARowLockWaitShowsOnTheWritesAlone() {
        long[] dues = {0, MS, 2 * MS, 3 * MS};
        long[] nanos = {MS, 2 * MS, 80 * MS, 3 * MS};
        boolean[] writes = {false, false, true, true};

        LatencyWindow w = LatencyWindow.of(dues, nanos, writes, 4, 0, 10 * MS);

        assertThat(w.readP999Millis()).isEqualTo(2.0);
        assertThat(w.writeP999Millis()).isEqualTo(80.0);
        assertThat(w.p999Millis()).isEqualTo(80.0);
    }

    @Test
    void p999Index_isTheNearestRank() {
        assertThat(LatencyWindow.p999Index(1)).isZero();
        assertThat(LatencyWindow.p999Index(999)).isEqualTo(998);
        assertThat(LatencyWindow.p999Index(5000)).isEqualTo(4994);
    }
}
