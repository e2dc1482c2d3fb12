package dev.stepwise.postgres.embedded;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AvailableBinariesTest {

    static final List<Integer> AT_HAND = List.of(13, 14, 16, 17, 18);

    @Test
    void theTargetsOwnMajorWhenItIsAtHand() {
        assertThat(AvailableBinaries.choose(14, AT_HAND)).contains(14);
    }

    @Test
    void elseTheNearestNewer() {
        assertThat(AvailableBinaries.choose(15, AT_HAND)).contains(16);
        assertThat(AvailableBinaries.choose(12, AT_HAND)).contains(13);
    }

    @Test
    void elseTheNewestThereIs() {
        assertThat(AvailableBinaries.choose(19, AT_HAND)).contains(18);
        assertThat(AvailableBinaries.choose(19, List.of())).isEmpty();
    }

    @Test
    void versionsCompareByNumberNotText() {
        assertThat(AvailableBinaries.compareVersions("17.10.0", "17.7.0")).isPositive();
        assertThat(AvailableBinaries.compareVersions("9.6", "13.22.0")).isNegative();
        assertThat(AvailableBinaries.compareVersions("16.10", "16.10.0")).isZero();
    }
}
