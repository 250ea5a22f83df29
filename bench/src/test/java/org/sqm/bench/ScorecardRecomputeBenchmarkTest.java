package org.sqm.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The progress curve keeps what a chart needs of a thousand polls. */
class ScorecardRecomputeBenchmarkTest {

    private static Benchmark.Point p(double x, double y) {
        return new Benchmark.Point(x, y);
    }

    @Test
    void pollsThatChangedNothingAreLeftOutButFlatStretchesKeepBothEnds() {
        assertEquals(
                List.of(p(0.1, 0), p(0.3, 0), p(0.4, 500), p(0.5, 1000), p(0.7, 1000), p(0.8, 9981)),
                ScorecardRecomputeBenchmark.steps(List.of(
                        p(0.1, 0),
                        p(0.2, 0),
                        p(0.3, 0),
                        p(0.4, 500),
                        p(0.5, 1000),
                        p(0.6, 1000),
                        p(0.7, 1000),
                        p(0.8, 9981))));
        assertEquals(List.of(p(0.1, 7)), ScorecardRecomputeBenchmark.steps(List.of(p(0.1, 7))));
    }
}
