package dev.descent.registry.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.descent.model.trial.TrialConfig;
import dev.descent.registry.store.StoredResult;

class LeaderboardCalculatorTest {

    private final LeaderboardCalculator calculator = new LeaderboardCalculator();

    @Test
    void tiedMeansShareRank() {
        List<StoredResult> results = List.of(
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

    private static StoredResult stored(String trialId, String pretext, String loss, double linear) {
        TrialConfig config = new TrialConfig("fashion-mnist", "conv-ae", pretext, loss, 1, null, null);
        return new StoredResult("e-1", trialId, 1, config, linear, linear - 0.1, 0.5, 0.4, 0.01, 1, 1, "w", "cpu",
                Instant.EPOCH, Instant.EPOCH, List.of("e-1"));
    }
}
