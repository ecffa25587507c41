package dev.descent.model.spec;

/**
 * The pretext-training budget that every trial of an experiment gets.
 *
 * @param epochs passes over the pretraining subset
 * @param batchSize images per gradient step
 * @param learningRate Adam's step size
 * @param pretrainImages how many training images the pretext task trains on, taken from the start of the train split
 */
public record TrainingSpec(int epochs, int batchSize, double learningRate, int pretrainImages) {
}
