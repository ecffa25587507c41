package dev.descent.worker.plugin.loss;

import java.util.Map;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.LossFunction;
import dev.descent.model.spec.TargetKind;
import dev.descent.plugin.LossContext;
import dev.descent.plugin.LossPlugin;
import dev.descent.plugin.TrainingLoss;

/**
 * The built-in {@code adversarial} loss: each trial gets its own {@link Discriminator}, seeded from the trial's seed,
 * trained in alternation with the pretext network: {@link AdversarialState#step} before each fit, then
 * {@link LossAdversarial} during it.
 */
public final class AdversarialPlugin implements LossPlugin {

    /** Salts the trial's seed so that the discriminator's weights differ from the pretext network's. */
    private static final long SEED_SALT = 0x9E3779B97F4A7C15L;

    @Override
    public LossDefinition definition() {
        return LossFunction.ADVERSARIAL.definition();
    }

    @Override
    public TrainingLoss create(Map<String, Double> parameters, LossContext context) {
        if (context.target() != TargetKind.IMAGE) {
            throw new IllegalArgumentException("adversarial judges images and cannot train a class target; use ce");
        }
        Discriminator discriminator = new Discriminator(context.channels(), context.height(), context.width(),
                parameters.get("discriminator-learning-rate"), context.seed() ^ SEED_SALT);
        AdversarialState state = new AdversarialState(discriminator);
        String slot = AdversarialSlots.put(state);
        LossAdversarial loss = new LossAdversarial(slot, context.channels(), context.height(), context.width());
        return new TrainingLoss() {
            @Override
            public ILossFunction lossFunction() {
                return loss;
            }

            @Override
            public boolean needsOutput() {
                return true;
            }

            @Override
            public void beforeFit(INDArray output, INDArray labels) {
                state.step(output, labels);
            }

            @Override
            public void close() {
                AdversarialSlots.remove(slot);
            }
        };
    }
}
