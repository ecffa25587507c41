package dev.descent.registry.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Checks the intervals against values computed independently: Student-t quantiles from Simpson integration of the t
 * density with bisection in plain Python, which reproduces the printed table values 12.706 (1 df), 4.303 (2 df) and
 * 2.776 (4 df).
 */
class GainEstimateTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void criticalValuesMatchTTable() {
        assertEquals(12.706205, ConfidenceInterval.criticalValue(1), TOLERANCE);
        assertEquals(4.302653, ConfidenceInterval.criticalValue(2), TOLERANCE);
        assertEquals(2.776445, ConfidenceInterval.criticalValue(4), TOLERANCE);
    }

    @Test
    void meanIntervalOfThreeValues() {
        // Mean 0.82, sample std 0.02, standard error 0.02 / sqrt(3), t(0.975, 2) = 4.302653.
        ConfidenceInterval interval = ConfidenceInterval.ofMean(List.of(0.80, 0.82, 0.84));

        assertEquals(0.7703172458, interval.low(), TOLERANCE);
        assertEquals(0.8696827542, interval.high(), TOLERANCE);
    }

    @Test
    void meanIntervalNeedsTwoValues() {
        assertNull(ConfidenceInterval.ofMean(List.of(0.8)));
        assertNull(ConfidenceInterval.ofMean(List.of()));
    }

    @Test
    void matchingSeedsArePaired() {
        // Per-seed differences 0.03, 0.04, 0.02: mean 0.03, sample std 0.01.
        GainEstimate gain = GainEstimate.of(
                Map.of(1L, List.of(0.83), 2L, List.of(0.85), 3L, List.of(0.84)),
                Map.of(1L, List.of(0.80), 2L, List.of(0.81), 3L, List.of(0.82)));

        assertEquals(GainEstimate.PAIRED, gain.method());
        assertEquals(0.03, gain.gain(), TOLERANCE);
        assertEquals(0.0051586229, gain.ciLow(), TOLERANCE);
        assertEquals(0.0548413771, gain.ciHigh(), TOLERANCE);
        assertEquals(Boolean.TRUE, gain.beatsBaseline());
    }

    @Test
    void pooledRowIsPairedOnSeedMeans() {
        // Two pretext tasks per seed: seed means 0.83, 0.85, 0.84, the same differences as the paired case.
        GainEstimate gain = GainEstimate.of(
                Map.of(1L, List.of(0.82, 0.84), 2L, List.of(0.86, 0.84), 3L, List.of(0.84, 0.84)),
                Map.of(1L, List.of(0.80), 2L, List.of(0.81), 3L, List.of(0.82)));

        assertEquals(GainEstimate.PAIRED, gain.method());
        assertEquals(0.0051586229, gain.ciLow(), TOLERANCE);
        assertEquals(0.0548413771, gain.ciHigh(), TOLERANCE);
    }

    @Test
    void differentSeedsUseWelch() {
        // Means 0.82 and 0.80, Welch-Satterthwaite df 1.16955, and t(0.975, 1.16955) = 9.0827762.
        GainEstimate gain = GainEstimate.of(
                Map.of(1L, List.of(0.80), 2L, List.of(0.84)),
                Map.of(1L, List.of(0.79), 2L, List.of(0.80), 3L, List.of(0.81)));

        assertEquals(GainEstimate.WELCH, gain.method());
        assertEquals(0.02, gain.gain(), TOLERANCE);
        assertEquals(-0.1690730640, gain.ciLow(), 1e-5);
        assertEquals(0.2090730640, gain.ciHigh(), 1e-5);
        assertNull(gain.beatsBaseline(), "an interval that contains 0 is undecided");
    }

    @Test
    void gainBelowZeroIsMarked() {
        GainEstimate gain = GainEstimate.of(
                Map.of(1L, List.of(0.78), 2L, List.of(0.79), 3L, List.of(0.80)),
                Map.of(1L, List.of(0.80), 2L, List.of(0.81), 3L, List.of(0.82)));

        assertEquals(-0.02, gain.gain(), TOLERANCE);
        assertEquals(-0.02, gain.ciHigh(), TOLERANCE, "equal differences give a point interval");
        assertEquals(Boolean.FALSE, gain.beatsBaseline());
    }

    @Test
    void singleValuesHaveNoInterval() {
        GainEstimate gain = GainEstimate.of(Map.of(1L, List.of(0.85)), Map.of(1L, List.of(0.80)));

        assertEquals(0.05, gain.gain(), TOLERANCE);
        assertNull(gain.ciLow());
        assertNull(gain.ciHigh());
        assertNull(gain.beatsBaseline());
        assertNull(GainEstimate.of(Map.of(1L, List.of(0.85)), Map.of()));
    }

    @Test
    void accuracyIntervalIsCutToUnitRange() {
        // Two values 0.70 and 0.99: mean 0.845, s = 0.2051, t(0.975, 1) = 12.706, so mean ± 1.842 before the cut.
        ConfidenceInterval interval = ConfidenceInterval.ofAccuracy(List.of(0.70, 0.99));

        assertEquals(0.0, interval.low(), 1e-12);
        assertEquals(1.0, interval.high(), 1e-12);
        assertEquals(0.845 + 12.706 * 0.20506 / Math.sqrt(2), ConfidenceInterval.ofMean(List.of(0.70, 0.99)).high(),
                1e-3);
    }
}
