package dev.descent.registry.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.registry.store.Configuration;
import dev.descent.registry.store.ResultScore;

/**
 * The leaderboard's statistics against values computed independently with SciPy 1.x, from the commands quoted next to
 * each table.
 */
class LeaderboardStatisticsTest {

    private static final double TOLERANCE = 1e-9;
    private static final TrainingSpec BUDGET = new TrainingSpec(1, 64, 1e-3, 5_000);
    private static final TrainingSpec LARGER_BUDGET = new TrainingSpec(2, 64, 1e-3, 5_000);
    private static final ProbeSpec PROBE = new ProbeSpec(10_000, 2_000, 10, 20);

    private final LeaderboardCalculator calculator = new LeaderboardCalculator();

    // A = l2:      0.81, 0.83, 0.82, 0.85 (seeds 1-4)
    // B = l1:      0.80, 0.815, 0.80, 0.83 (seeds 1-4)
    // C = huber:   0.82, 0.80, 0.845, 0.81 (seeds 1-4)
    // D = bce:     0.79, 0.80 (seeds 5, 6: no seed in common with A)
    // E = l2 with twice the epochs: 0.70 (seed 1 only)
    //
    // python3 -c 'from scipy import stats; import numpy as np
    // A=np.array([0.81,0.83,0.82,0.85]); B=np.array([0.80,0.815,0.80,0.83]); C=np.array([0.82,0.80,0.845,0.81])
    // D=np.array([0.79,0.80])
    // for X in (A,B,C,D): m=X.mean(); h=stats.t.ppf(0.975,len(X)-1)*X.std(ddof=1)/np.sqrt(len(X)); print(m,m-h,m+h)
    // for X in (B,C): d=X-A; h=stats.t.ppf(0.975,3)*d.std(ddof=1)/2; print(d.mean(),d.mean()-h,d.mean()+h,
    //     stats.ttest_rel(X,A).pvalue)
    // print(stats.ttest_ind(D,A,equal_var=False).pvalue)'
    private static List<ResultScore> table() {
        List<ResultScore> scores = new ArrayList<>();
        add(scores, "l2", BUDGET, new long[] {1, 2, 3, 4}, 0.81, 0.83, 0.82, 0.85);
        add(scores, "l1", BUDGET, new long[] {1, 2, 3, 4}, 0.80, 0.815, 0.80, 0.83);
        add(scores, "huber(delta=0.1)", BUDGET, new long[] {1, 2, 3, 4}, 0.82, 0.80, 0.845, 0.81);
        add(scores, "bce", BUDGET, new long[] {5, 6}, 0.79, 0.80);
        add(scores, "l2", LARGER_BUDGET, new long[] {1}, 0.70);
        return scores;
    }

    @Test
    void meansAndIntervalsMatchScipy() {
        List<LeaderboardRow> rows = pretextRows(table());

        LeaderboardRow a = row(rows, "l2", BUDGET);
        assertEquals(0.8275, a.mean(), TOLERANCE);
        assertEquals(0.01707825127659931, a.std(), TOLERANCE);
        assertEquals(0.8003246911620399, a.ciLow(), TOLERANCE);
        assertEquals(0.8546753088379602, a.ciHigh(), TOLERANCE);
        LeaderboardRow d = row(rows, "bce", BUDGET);
        assertEquals(0.7314689763191266, d.ciLow(), TOLERANCE);
        assertEquals(0.8585310236808735, d.ciHigh(), TOLERANCE);
    }

    @Test
    void leaderIsHighestMean() {
        List<LeaderboardRow> rows = pretextRows(table());

        LeaderboardRow first = rows.get(0);
        assertEquals("l2", first.loss());
        assertEquals(BUDGET, first.training());
        assertTrue(first.leader());
        assertTrue(first.tiedWithLeader(), "the leader counts as tied with itself");
        assertNull(first.vsLeader());
        assertEquals(1, rows.stream().filter(LeaderboardRow::leader).count());
    }

    @Test
    void pairedComparisonMatchesScipy() {
        List<LeaderboardRow> rows = pretextRows(table());

        LeaderComparison b = row(rows, "l1", BUDGET).vsLeader();
        assertEquals(LeaderComparison.PAIRED, b.method());
        assertEquals(4, b.matchedSeeds());
        assertEquals(-0.016249999999999987, b.difference(), TOLERANCE);
        assertEquals(-0.023867400904144007, b.ciLow(), TOLERANCE);
        assertEquals(-0.008632599095855965, b.ciHigh(), TOLERANCE);
        assertEquals(0.0065331944754657015, b.pValue(), TOLERANCE);
        assertFalse(row(rows, "l1", BUDGET).tiedWithLeader(), "p = 0.0065 separates l1 from the leader");

        LeaderComparison c = row(rows, "huber(delta=0.1)", BUDGET).vsLeader();
        assertEquals(-0.00874999999999998, c.difference(), TOLERANCE);
        assertEquals(-0.05838281537413277, c.ciLow(), TOLERANCE);
        assertEquals(0.04088281537413281, c.ciHigh(), TOLERANCE);
        assertEquals(0.6139426929638314, c.pValue(), TOLERANCE);
        assertTrue(row(rows, "huber(delta=0.1)", BUDGET).tiedWithLeader(), "p = 0.61 is a tie");
    }

    @Test
    void welchWithoutMatchingSeeds() {
        // python3 -c 'from scipy import stats; import numpy as np; A=np.array([0.81,0.83,0.82,0.85]);
        // D=np.array([0.79,0.80]); va=A.var(ddof=1)/4; vd=D.var(ddof=1)/2; df=(va+vd)**2/(va**2/3+vd**2/1);
        // h=stats.t.ppf(0.975,df)*np.sqrt(va+vd); print(D.mean()-A.mean()-h, D.mean()-A.mean()+h)'
        LeaderComparison d = row(pretextRows(table()), "bce", BUDGET).vsLeader();

        assertEquals(LeaderComparison.WELCH, d.method());
        assertEquals(0, d.matchedSeeds());
        assertEquals(-0.03249999999999997, d.difference(), TOLERANCE);
        assertEquals(0.030381829062515135, d.pValue(), TOLERANCE);
        assertEquals(-0.05997535087263681, d.ciLow(), TOLERANCE);
        assertEquals(-0.00502464912736314, d.ciHigh(), TOLERANCE);
    }

    @Test
    void singleResultCannotBeTested() {
        LeaderboardRow e = row(pretextRows(table()), "l2", LARGER_BUDGET);

        assertNull(e.vsLeader(), "one result and one matching seed allow no test");
        assertTrue(e.tiedWithLeader(), "without a test a row is not separated from the leader");
        assertFalse(e.leader());
    }

    @Test
    void budgetsAreSeparateRows() {
        List<LeaderboardRow> rows = pretextRows(table());

        LeaderboardRow small = row(rows, "l2", BUDGET);
        LeaderboardRow large = row(rows, "l2", LARGER_BUDGET);
        assertNotEquals(small.configurationId(), large.configurationId());
        assertEquals(5_000, small.trainingImages());
        assertEquals(10_000, large.trainingImages());
        assertEquals("l2 [1x5000 images]", small.label());
        assertEquals("l2 [2x5000 images]", large.label());
        assertEquals("l1 [1x5000 images]", row(rows, "l1", BUDGET).label());
    }

    @Test
    void equalResultsAreTied() {
        List<ResultScore> scores = new ArrayList<>();
        add(scores, "l2", BUDGET, new long[] {1, 2, 3}, 0.8, 0.82, 0.81);
        add(scores, "l1", BUDGET, new long[] {1, 2, 3}, 0.8, 0.82, 0.81);
        List<LeaderboardRow> rows = pretextRows(scores);

        assertEquals(1, rows.get(0).rank());
        assertEquals(1, rows.get(1).rank(), "equal means share rank 1");
        assertEquals("l1", rows.get(0).loss(), "equal means are ordered by label");
        LeaderComparison comparison = rows.get(1).vsLeader();
        assertEquals(0, comparison.difference(), TOLERANCE);
        assertEquals(1, comparison.pValue(), TOLERANCE, "identical results differ by exactly 0");
        assertTrue(rows.get(1).tiedWithLeader());
    }

    @Test
    void meanRanksMatchScipy() {
        // Blocks (pretext, seed) and accuracies of l2 / l1 / bce; bce has no result for denoising seed 2, and
        // denoising seed 3 has only l2, so it ranks nothing. Ranks with scipy.stats.rankdata on the negated values:
        // inpainting 1: 0.81 / 0.80 / 0.81 -> 1.5 / 3 / 1.5      inpainting 2: 0.83 / 0.815 / 0.80 -> 1 / 2 / 3
        // denoising 1:  0.85 / 0.86 / 0.84 -> 2 / 1 / 3          denoising 2:  0.87 / 0.87 -> 1.5 / 1.5
        // python3 -c 'from scipy import stats; import numpy as np
        // for r in ([1.5,1,2,1.5],[3,2,1,1.5],[1.5,3,3]): r=np.array(r); m=r.mean();
        //     h=stats.t.ppf(0.975,len(r)-1)*r.std(ddof=1)/np.sqrt(len(r)); print(m, m-h, m+h)'
        // The t intervals (l2 0.8504 to 2.1496, l1 0.5162 to 3.2338, bce 0.3487 to 4.6513) are cut to [1, 3], the
        // range of a rank among 3 configurations.
        List<ResultScore> scores = new ArrayList<>();
        addPretext(scores, "inpainting", "l2", new long[] {1, 2}, 0.81, 0.83);
        addPretext(scores, "inpainting", "l1", new long[] {1, 2}, 0.80, 0.815);
        addPretext(scores, "inpainting", "bce", new long[] {1, 2}, 0.81, 0.80);
        addPretext(scores, "denoising", "l2", new long[] {1, 2, 3}, 0.85, 0.87, 0.99);
        addPretext(scores, "denoising", "l1", new long[] {1, 2}, 0.86, 0.87);
        addPretext(scores, "denoising", "bce", new long[] {1}, 0.84);

        List<MeanRankRow> ranks = calculator.compute(scores, LeaderboardFilters.none()).meanRanks();

        assertEquals(List.of("l2", "l1", "bce"), ranks.stream().map(MeanRankRow::loss).toList());
        assertMeanRank(ranks.get(0), 1, 4, 1.5, 1.0, 2.1496141318125552);
        assertMeanRank(ranks.get(1), 2, 4, 1.875, 1.0, 3.0);
        assertMeanRank(ranks.get(2), 3, 3, 2.5, 1.0, 3.0);
        assertEquals(2, ranks.get(0).pretextTasks());
        assertEquals(BUDGET, ranks.get(0).training());
    }

    @Test
    void pooledTablePairsOnPretextAndSeed() {
        List<ResultScore> scores = new ArrayList<>();
        addPretext(scores, "inpainting", "l2", new long[] {1, 2}, 0.81, 0.83);
        addPretext(scores, "inpainting", "l1", new long[] {1, 2}, 0.80, 0.815);
        addPretext(scores, "denoising", "l2", new long[] {1, 2}, 0.85, 0.87);
        addPretext(scores, "denoising", "l1", new long[] {1, 2}, 0.86, 0.87);

        List<LeaderboardRow> overall = calculator.compute(scores, LeaderboardFilters.none()).overall();

        assertEquals("l2", overall.get(0).loss());
        assertNull(overall.get(0).pretext());
        LeaderComparison l1 = overall.get(1).vsLeader();
        assertEquals(LeaderComparison.PAIRED, l1.method());
        assertEquals(4, l1.matchedSeeds(), "2 pretext tasks x 2 seeds");
        // Differences -0.01, -0.015, 0.01, 0.0: mean -0.00375.
        assertEquals(-0.00375, l1.difference(), TOLERANCE);
    }

    private void assertMeanRank(MeanRankRow row, int rank, int blocks, double mean, double low, double high) {
        assertEquals(rank, row.rank(), row.loss());
        assertEquals(blocks, row.blocks(), row.loss());
        assertEquals(mean, row.meanRank(), TOLERANCE, row.loss());
        assertNotNull(row.ciLow(), row.loss());
        assertEquals(low, row.ciLow(), TOLERANCE, row.loss());
        assertEquals(high, row.ciHigh(), TOLERANCE, row.loss());
    }

    private List<LeaderboardRow> pretextRows(List<ResultScore> scores) {
        Leaderboard board = calculator.compute(scores, LeaderboardFilters.none());
        assertEquals(1, board.byPretext().size());
        return board.byPretext().get(0).rows();
    }

    private static LeaderboardRow row(List<LeaderboardRow> rows, String loss, TrainingSpec training) {
        return rows.stream().filter(row -> row.loss().equals(loss) && row.training().equals(training)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + loss + " at " + training + " in " + rows));
    }

    private static void add(List<ResultScore> scores, String loss, TrainingSpec training, long[] seeds,
            double... accuracies) {
        Configuration configuration = new Configuration("fashion-mnist", "conv-ae", "inpainting", loss, training,
                PROBE);
        for (int i = 0; i < seeds.length; i++) {
            scores.add(new ResultScore(configuration, seeds[i], accuracies[i], 0.7, 0.75, 0.65));
        }
    }

    private static void addPretext(List<ResultScore> scores, String pretext, String loss, long[] seeds,
            double... accuracies) {
        Configuration configuration = new Configuration("fashion-mnist", "conv-ae", pretext, loss, BUDGET, PROBE);
        for (int i = 0; i < seeds.length; i++) {
            scores.add(new ResultScore(configuration, seeds[i], accuracies[i], 0.7, 0.75, 0.65));
        }
    }
}
