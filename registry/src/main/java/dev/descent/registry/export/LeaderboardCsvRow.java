package dev.descent.registry.export;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.descent.model.spec.TrainingSpec;
import dev.descent.registry.rank.BaselineRow;
import dev.descent.registry.rank.LeaderComparison;
import dev.descent.registry.rank.Leaderboard;
import dev.descent.registry.rank.LeaderboardRow;
import dev.descent.registry.rank.MeanRankRow;
import dev.descent.registry.rank.PretextLeaderboard;

/**
 * One line of a leaderboard as CSV. Every table of the board shares these columns, and {@code table} says which table
 * a line belongs to: {@value #PRETEXT} (one per pretext task and dataset), {@value #OVERALL} (pooled over pretext
 * tasks), {@value #MEAN_RANK} (mean rank across pretext tasks) or {@value #BASELINE}. Columns that a table does not
 * have are empty.
 */
@JsonPropertyOrder({"table", "pretext", "dataset", "rank", "label", "loss", "configurationId", "encoder",
        "epochs", "batchSize", "learningRate", "pretrainImages", "trainingImages", "n", "mean", "std", "ciLow",
        "ciHigh", "min", "max", "knnMean", "knnStd", "gainOverRandom", "gainCiLow", "gainCiHigh", "beatsRandom",
        "leader", "tiedWithLeader", "comparison", "matchedSeeds", "differenceFromLeader", "differenceCiLow",
        "differenceCiHigh", "pValue", "blocks", "meanRank", "meanRankCiLow", "meanRankCiHigh"})
public record LeaderboardCsvRow(
        String table,
        String pretext,
        String dataset,
        Integer rank,
        String label,
        String loss,
        String configurationId,
        String encoder,
        Integer epochs,
        Integer batchSize,
        Double learningRate,
        Integer pretrainImages,
        Long trainingImages,
        Integer n,
        Double mean,
        Double std,
        Double ciLow,
        Double ciHigh,
        Double min,
        Double max,
        Double knnMean,
        Double knnStd,
        Double gainOverRandom,
        Double gainCiLow,
        Double gainCiHigh,
        Boolean beatsRandom,
        Boolean leader,
        Boolean tiedWithLeader,
        String comparison,
        Integer matchedSeeds,
        Double differenceFromLeader,
        Double differenceCiLow,
        Double differenceCiHigh,
        Double pValue,
        Integer blocks,
        Double meanRank,
        Double meanRankCiLow,
        Double meanRankCiHigh) {

    public static final String PRETEXT = "pretext";
    public static final String OVERALL = "overall";
    public static final String MEAN_RANK = "mean-rank";
    public static final String BASELINE = "baseline";

    /** Returns every line of the board: the pretext tables, the pooled table, the mean ranks, then the baselines. */
    public static List<LeaderboardCsvRow> of(Leaderboard board) {
        List<LeaderboardCsvRow> lines = new ArrayList<>();
        for (PretextLeaderboard table : board.byPretext()) {
            table.rows().forEach(row -> lines.add(of(PRETEXT, row)));
        }
        board.overall().forEach(row -> lines.add(of(OVERALL, row)));
        board.meanRanks().forEach(row -> lines.add(of(row)));
        board.baselines().forEach(row -> lines.add(of(row)));
        return lines;
    }

    private static LeaderboardCsvRow of(String table, LeaderboardRow row) {
        TrainingSpec training = row.training();
        LeaderComparison comparison = row.vsLeader();
        return new LeaderboardCsvRow(table, row.pretext(), row.dataset(), row.rank(), row.label(), row.loss(),
                row.configurationId(), row.encoder(),
                training == null ? null : training.epochs(),
                training == null ? null : training.batchSize(),
                training == null ? null : training.learningRate(),
                training == null ? null : training.pretrainImages(),
                row.trainingImages(), row.n(), row.mean(), row.std(), row.ciLow(), row.ciHigh(), row.min(),
                row.max(), row.knnMean(), row.knnStd(), row.gainOverRandom(), row.gainCiLow(), row.gainCiHigh(),
                row.beatsRandom(), row.leader(), row.tiedWithLeader(),
                comparison == null ? null : comparison.method(),
                comparison == null ? null : comparison.matchedSeeds(),
                comparison == null ? null : comparison.difference(),
                comparison == null ? null : comparison.ciLow(),
                comparison == null ? null : comparison.ciHigh(),
                comparison == null ? null : comparison.pValue(),
                null, null, null, null);
    }

    private static LeaderboardCsvRow of(MeanRankRow row) {
        TrainingSpec training = row.training();
        return new LeaderboardCsvRow(MEAN_RANK, null, row.dataset(), row.rank(), row.label(), row.loss(),
                row.configurationId(), row.encoder(),
                training == null ? null : training.epochs(),
                training == null ? null : training.batchSize(),
                training == null ? null : training.learningRate(),
                training == null ? null : training.pretrainImages(),
                row.trainingImages(), null, row.meanAccuracy(), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, row.blocks(), row.meanRank(),
                row.ciLow(), row.ciHigh());
    }

    private static LeaderboardCsvRow of(BaselineRow row) {
        return new LeaderboardCsvRow(BASELINE, null, null, null, row.baseline(), row.baseline(), null, null, null,
                null, null, null, null, row.n(), row.mean(), row.std(), row.ciLow(), row.ciHigh(), null, null,
                row.knnMean(), row.knnStd(), null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }
}
