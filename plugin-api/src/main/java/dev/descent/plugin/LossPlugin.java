package dev.descent.plugin;

import java.util.Map;

import dev.descent.model.spec.LossDefinition;

/**
 * A loss function that workers can train pretext tasks with. Workers find implementations with
 * {@link java.util.ServiceLoader}: list the class in {@code META-INF/services/dev.descent.plugin.LossPlugin} of the
 * plug-in's jar.
 *
 * <p>Implementations must be stateless and thread-safe; state that training needs belongs in the
 * {@link TrainingLoss} that {@link #create} returns, one per trial.
 */
public interface LossPlugin {

    /**
     * Returns the loss's name, version, description, parameter schema and the target kinds it can train. The name
     * must differ from every built-in loss and from {@code sum}; parameters are checked against the schema before
     * {@link #create} is called.
     */
    LossDefinition definition();

    /**
     * Creates the loss for one trial.
     *
     * @param parameters a value for every parameter in {@link #definition()}, defaults filled in
     * @param context the shape of what the network predicts, and the trial's seed
     * @throws IllegalArgumentException naming the value and the fix when the loss cannot train this target
     */
    TrainingLoss create(Map<String, Double> parameters, LossContext context);
}
