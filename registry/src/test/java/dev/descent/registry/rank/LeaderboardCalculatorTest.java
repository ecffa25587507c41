package dev.descent.registry.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.descent.model.trial.TrialConfig;
import dev.descent.registry.store.ResultScore;
import dev.descent.registry.store.StoredResult;

class LeaderboardCalculatorTest {

    private final LeaderboardCalculator calculator = new LeaderboardCalculator();

    @Test
    void tiedMeansShareRank() {
        List<ResultScore> results = List.of(
                stored("t-1", "inpainting", "l2", 0.8),
                stored("t-2", "inpainting", "l1", 0.8),
                stored("t-3", "inpainting", "ssim", 0.7));
        List<LeaderboardRow> rows = calculator.compute(results, new LeaderboardFilters(null, null, null)).overall();

        assertEquals(3, rows.size());
        assertEquals("l1", rows.get(0).loss(), "ties are ordered by loss name");
        assertEquals(1, rows.get(0).rank());
        assertEquals("l2", rows.get(1).loss());
        assertEquals(1, rows.get(1).rank());
        assertEquals("ssim", rows.get(2).loss());
        assertEquals(3, rows.get(2).rank());
    }

    @Test
    void singleResultHasNoStd() {
        LeaderboardRow row = calculator.compute(List.of(stored("t-1", "denoising", "l1", 0.75)),
                new LeaderboardFilters(null, null, null)).overall().get(0);

        assertEquals(1, row.n());
        assertEquals(0.75, row.mean());
        assertNull(row.std());
        assertNull(row.knnStd());
        assertEquals(0.75, row.min());
        assertEquals(0.75, row.max());
    }

    @Test
    void emptyInputGivesEmptyBoard() {
        Leaderboard board = calculator.compute(List.of(), new LeaderboardFilters("e-x", null, null));

        assertEquals(0, board.resultCount());
        assertTrue(board.overall().isEmpty());
        assertTrue(board.byPretext().isEmpty());
        assertEquals("e-x", board.filters().experiment());
    }

    @Test
    void sampleStdUsesNMinusOne() {
        // Values 0.6 and 0.8: mean 0.7, squared deviations 0.01 each, sample variance 0.02 / 1.
        LeaderboardRow row = calculator.compute(List.of(
                stored("t-1", "inpainting", "l2", 0.6),
                stored("t-2", "inpainting", "l2", 0.8)), new LeaderboardFilters(null, null, null)).overall().get(0);

        assertEquals(Math.sqrt(0.02), row.std(), 1e-12);
    }

    @Test
    void baselinesAreRowsAndGainsArePaired() {
        List<ResultScore> results = List.of(
                stored("t-1", "inpainting", "l2", 1, 0.83),
                stored("t-2", "inpainting", "l2", 2, 0.85),
                stored("t-3", "inpainting", "l2", 3, 0.84),
                stored("t-4", "inpainting", "l1", 1, 0.80),
                stored("t-5", "inpainting", "l1", 2, 0.80),
                stored("t-6", "inpainting", "l1", 3, 0.82),
                stored("b-1", "baseline", "random-encoder", 1, 0.80),
                stored("b-2", "baseline", "random-encoder", 2, 0.81),
                stored("b-3", "baseline", "random-encoder", 3, 0.82),
                stored("b-4", "baseline", "raw-pixels", 1, 0.79));

        Leaderboard board = calculator.compute(results, new LeaderboardFilters(null, null, null));

        assertEquals(6, board.resultCount(), "baseline results are not ranked");
        assertEquals(1, board.byPretext().size());
        assertEquals(List.of("raw-pixels", "random-encoder"),
                board.baselines().stream().map(BaselineRow::baseline).toList());
        BaselineRow random = board.baselines().get(1);
        assertEquals(3, random.n());
        assertEquals(0.81, random.mean(), 1e-12);
        // Mean 0.81, sample std 0.01, t(0.975, 2) = 4.302653.
        assertEquals(0.81 - 4.302653 * 0.01 / Math.sqrt(3), random.ciLow(), 1e-6);
        assertNull(board.baselines().get(0).ciLow(), "one raw-pixel result has no interval");

        LeaderboardRow l2 = board.overall().get(0);
        assertEquals("l2", l2.loss());
        // Values 0.83, 0.85, 0.84: mean 0.84, sample std 0.01.
        assertEquals(0.84 - 4.302653 * 0.01 / Math.sqrt(3), l2.ciLow(), 1e-6);
        assertEquals(0.03, l2.gainOverRandom(), 1e-12);
        assertEquals("paired", l2.gainMethod());
        assertEquals(0.0051586229, l2.gainCiLow(), 1e-6);
        assertEquals(Boolean.TRUE, l2.beatsRandom());
        LeaderboardRow l1 = board.overall().get(1);
        assertEquals("l1", l1.loss());
        // Per-seed differences 0, -0.01, 0.
        assertEquals(-0.01 / 3, l1.gainOverRandom(), 1e-12);
        assertNull(l1.beatsRandom(), "a gain interval around 0 is undecided");
        assertEquals(l2.gainCiLow(), board.byPretext().get(0).rows().get(0).gainCiLow(), 1e-12);
    }

    @Test
    void noRandomEncoderMeansNoGain() {
        LeaderboardRow row = calculator.compute(List.of(
                stored("t-1", "inpainting", "l2", 1, 0.6),
                stored("t-2", "inpainting", "l2", 2, 0.8)), new LeaderboardFilters(null, null, null)).overall().get(0);

        assertNull(row.gainOverRandom());
        assertNull(row.beatsRandom());
        assertNull(row.gainMethod());
        assertTrue(row.ciLow() < 0.6, "interval of a two-value mean is wide: " + row.ciLow());
    }

    private static ResultScore stored(String trialId, String pretext, String loss, double linear) {
        return stored(trialId, pretext, loss, 1, linear);
    }

    private static ResultScore stored(String trialId, String pretext, String loss, long seed, double linear) {
        TrialConfig config = new TrialConfig("fashion-mnist", "conv-ae", pretext, loss, seed, null, null);
        return ResultScore.of(new StoredResult("e-1", trialId, 1, config, linear, linear - 0.1, 0.5, 0.4, 0.01, 1, 1,
                "w", "cpu", Instant.EPOCH, Instant.EPOCH, List.of("e-1")));
    }
}
