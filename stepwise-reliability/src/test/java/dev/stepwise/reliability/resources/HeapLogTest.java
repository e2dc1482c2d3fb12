package dev.stepwise.reliability.resources;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading the live heap out of a Serial collector's log, as JDK 17 writes it. */
class HeapLogTest {

    @Test
    void thePeakIsTheLargestHeapAfterAFullCollection_youngOnesHoldPromotedGarbage() {
        HeapLog log = HeapLog.of(List.of(
                "[0.040s][gc,heap] GC(0) DefNew: 3261K(3712K)->383K(3712K) Eden: 3261K(3328K)->0K(3328K) From: 0K(384K)->383K(384K)",
                "[0.040s][gc,heap] GC(0) Tenured: 9000K(258048K)->9162K(258048K)",
                "[0.040s][gc     ] GC(0) Pause Young (Allocation Failure) 12M->9M(255M) 0.979ms",
                "[0.068s][gc,heap] GC(1) DefNew: 2800K(3712K)->0K(3712K) Eden: 2604K(3328K)->0K(3328K) From: 195K(384K)->0K(384K)",
                "[0.068s][gc,heap] GC(1) Tenured: 9162K(258048K)->5332K(258048K)",
                "[0.068s][gc     ] GC(1) Pause Full (System.gc()) 11M->5M(255M) 1.548ms",
                "[0.090s][gc,heap] GC(2) DefNew: 2800K(3712K)->16K(3712K) Eden: 2604K(3328K)->0K(3328K) From: 195K(384K)->16K(384K)",
                "[0.090s][gc,heap] GC(2) Tenured: 5332K(258048K)->5120K(258048K)",
                "[0.090s][gc     ] GC(2) Pause Full (System.gc()) 7M->5M(255M) 1.2ms"));

        assertThat(log.collections()).isEqualTo(3);
        assertThat(log.fullCollections()).isEqualTo(2);
        assertThat(log.peakLiveBytes()).isEqualTo(5332 * 1024L);
    }
}
