package dev.descent.model.trial;

import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;

/**
 * Everything that determines a trial's outcome, and nothing else: two trials with equal configs measure the same
 * thing, which is why {@link TrialIds} derives the trial id from this record alone.
 *
 * @param dataset the dataset name, such as {@code fashion-mnist}
 * @param encoder the encoder architecture's name and version; {@code null} for the raw-pixel baseline
 * @param pretext the pretext task's name, or {@value Baseline#PRETEXT} for a {@link Baseline} trial
 * @param loss the loss function's name, or the baseline's name for a baseline trial
 * @param seed the seed for weight initialisation, shuffling, corruption and probe sampling
 * @param training the pretext-training budget; {@code null} for baselines that train nothing
 * @param probe the downstream evaluation settings
 */
public record TrialConfig(
        String dataset,
        String encoder,
        String pretext,
        String loss,
        long seed,
        TrainingSpec training,
        ProbeSpec probe) {
}
