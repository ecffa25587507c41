package dev.descent.registry.rank;

import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;

/**
 * A configuration's standing across pretext tasks by its mean rank. Within each block of results with the same
 * dataset, pretext task and seed, the configurations present are ranked by linear-probe accuracy (1 is best, ties
 * get the average of their ranks), and each configuration's ranks are averaged over the blocks it appears in.
 *
 * <p>NOTE: blocks with only one configuration are left out, because rank 1 of 1 says nothing. Blocks with different
 * numbers of configurations still rank on different scales, so compare mean ranks of rows with similar block counts.
 *
 * @param rank 1 for the lowest mean rank; equal mean ranks share a rank
 * @param configurationId the id of the configuration without pretext task
 * @param label the loss, followed in brackets by the settings in which the rows differ
 * @param loss the loss function's canonical string
 * @param dataset the dataset name
 * @param encoder the encoder's name
 * @param training the training budget
 * @param probe the probe settings
 * @param trainingImages epochs x pretrainImages
 * @param blocks the number of (pretext task, seed) blocks the configuration was ranked in
 * @param pretextTasks the number of distinct pretext tasks among those blocks
 * @param meanRank the mean of its ranks over the blocks
 * @param ciLow the lower bound of the 95% Student-t interval of the mean rank, or {@code null} with fewer than 2
 *        blocks
 * @param ciHigh the upper bound of that interval, or {@code null} with fewer than 2 blocks
 * @param meanAccuracy the mean linear-probe accuracy over the same blocks
 */
public record MeanRankRow(
        int rank,
        String configurationId,
        String label,
        String loss,
        String dataset,
        String encoder,
        TrainingSpec training,
        ProbeSpec probe,
        long trainingImages,
        int blocks,
        int pretextTasks,
        double meanRank,
        Double ciLow,
        Double ciHigh,
        double meanAccuracy) {
}
