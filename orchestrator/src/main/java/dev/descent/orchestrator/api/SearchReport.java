package dev.descent.orchestrator.api;

import java.time.Instant;
import java.util.List;

/**
 * The decisions of an experiment's search and the training images it spent, as
 * {@code GET /api/experiments/{id}/decisions} returns them.
 *
 * @param experimentId the experiment
 * @param strategy the search strategy's name
 * @param reductionFactor eta for successive halving; {@code null} for other strategies
 * @param rungs the budget of each rung; one rung for strategies that do not halve
 * @param decisions the promotions, stops and winners in the order they were made; empty for other strategies
 * @param trainingImagesSpent training images of the trials this experiment ran itself, counting every epoch and
 *        leaving out baselines and reused results
 * @param trainingImagesReused training images of the trials that reused another experiment's result
 * @param gridTrainingImages training images that the full grid of the experiment's candidates would spend: every
 *        seed at the full budget
 */
public record SearchReport(
        String experimentId,
        String strategy,
        Integer reductionFactor,
        List<Rung> rungs,
        List<Decision> decisions,
        long trainingImagesSpent,
        long trainingImagesReused,
        long gridTrainingImages) {

    /**
     * One rung's budget.
     *
     * @param rung the rung, from 0
     * @param epochs passes over the pretraining images
     * @param pretrainImages pretraining images per epoch
     */
    public record Rung(int rung, int epochs, int pretrainImages) {
    }

    /**
     * One decision with the numbers behind it.
     *
     * @param sequence its position, from 1
     * @param at when it was made
     * @param rung the rung it was made at
     * @param pretext the configuration's pretext task
     * @param loss the configuration's loss
     * @param learningRate the configuration's learning rate
     * @param action PROMOTED, STOPPED or WINNER
     * @param score the mean validation accuracy over the configuration's seeds at the rung
     * @param rank the rank among the configurations completed at the rung
     * @param completed how many configurations had completed the rung
     * @param promotable how many of them the rule allowed to promote
     * @param reason the rule's explanation
     */
    public record Decision(int sequence, Instant at, int rung, String pretext, String loss, double learningRate,
                           String action, Double score, int rank, int completed, int promotable, String reason) {
    }
}
