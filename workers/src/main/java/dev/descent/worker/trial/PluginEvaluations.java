package dev.descent.worker.trial;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.descent.model.message.EvaluatorScore;
import dev.descent.model.spec.EvaluatorDefinition;
import dev.descent.plugin.EvaluatorPlugin;
import dev.descent.plugin.FeatureMatrix;
import dev.descent.worker.probe.Features;

/**
 * Runs evaluator plug-ins on a trial's standardised probe features: each plug-in is fitted on the probe's train
 * features and scored on the validation features, then fitted again and scored on the test features.
 *
 * <p>A plug-in that throws, or returns an accuracy outside [0, 1], does not fail the trial: the worker logs a warning
 * naming the trial and the plug-in, and reports that figure as {@code null}. The plug-ins share the feature arrays
 * without copies, as {@link FeatureMatrix} documents, so they run after the built-in probes.
 */
final class PluginEvaluations {

    private static final Logger LOG = LoggerFactory.getLogger(PluginEvaluations.class);

    private PluginEvaluations() {
    }

    /**
     * Runs every plug-in in order.
     *
     * @param plugins the evaluator plug-ins, such as {@link dev.descent.worker.plugin.Plugins#evaluatorPlugins()}
     * @param train the standardised probe train features
     * @param validation the standardised validation features
     * @param test the standardised test features
     * @param classes the number of classes the labels range over
     * @param seed the trial's seed, passed on to each plug-in
     * @param trialId the trial, for log lines
     * @param checkCancelled called before each plug-in; throws {@link TrialCancelledException} to stop the trial
     * @return one score per plug-in in the order given, or {@code null} when there are no plug-ins
     */
    static List<EvaluatorScore> run(List<EvaluatorPlugin> plugins, Features train, Features validation,
                                    Features test, int classes, long seed, String trialId, Runnable checkCancelled) {
        if (plugins.isEmpty()) {
            return null;
        }
        FeatureMatrix trainMatrix = matrix(train, classes);
        FeatureMatrix validationMatrix = matrix(validation, classes);
        FeatureMatrix testMatrix = matrix(test, classes);
        List<EvaluatorScore> scores = new ArrayList<>(plugins.size());
        for (EvaluatorPlugin plugin : plugins) {
            checkCancelled.run();
            EvaluatorDefinition definition = definition(plugin, trialId);
            long start = System.nanoTime();
            Double validationAccuracy = score(plugin, definition, trainMatrix, validationMatrix, seed, trialId,
                    "validation");
            checkCancelled.run();
            Double testAccuracy = score(plugin, definition, trainMatrix, testMatrix, seed, trialId, "test");
            EvaluatorScore score = new EvaluatorScore(definition.name(), definition.version(), validationAccuracy,
                    testAccuracy);
            LOG.info("Trial {}: evaluator plug-in {} {} validation accuracy {} test accuracy {} in {} s", trialId,
                    definition.name(), definition.version(), validationAccuracy, testAccuracy,
                    String.format("%.2f", TrialRunner.seconds(start)));
            scores.add(score);
        }
        return List.copyOf(scores);
    }

    /** Returns the features in the plug-in API's form, sharing their arrays. */
    static FeatureMatrix matrix(Features features, int classes) {
        return new FeatureMatrix(features.values(), features.rows(), features.columns(), features.labels(), classes);
    }

    /**
     * Returns the plug-in's definition. The worker already read it at start, so a failure here is unexpected. The
     * score is then reported under the plug-in's class name.
     */
    private static EvaluatorDefinition definition(EvaluatorPlugin plugin, String trialId) {
        try {
            EvaluatorDefinition definition = plugin.definition();
            if (definition != null && definition.name() != null) {
                return definition;
            }
            LOG.warn("Trial {}: evaluator plug-in {} returned no definition or no name; its figures are reported "
                    + "under its class name", trialId, plugin.getClass().getName());
        }
        catch (RuntimeException | LinkageError e) {
            LOG.warn("Trial {}: evaluator plug-in {} failed to return its definition: {}; its figures are reported "
                    + "under its class name", trialId, plugin.getClass().getName(), e.toString(), e);
        }
        return new EvaluatorDefinition(plugin.getClass().getName(), null, null);
    }

    /** Returns the plug-in's accuracy, or {@code null} after logging why it has none. */
    private static Double score(EvaluatorPlugin plugin, EvaluatorDefinition definition, FeatureMatrix train,
                                FeatureMatrix evaluated, long seed, String trialId, String split) {
        double accuracy;
        try {
            accuracy = plugin.score(train, evaluated, seed);
        }
        // Errors such as NoClassDefFoundError (a LinkageError) or a failed assertion come from the plug-in's own code,
        // so they skip its figure too. OutOfMemoryError and other VM errors still fail the trial.
        catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            LOG.warn("Trial {}: evaluator plug-in {} failed on the {} features: {}; its {} accuracy is reported "
                    + "as missing", trialId, definition.name(), split, e.toString(), split, e);
            return null;
        }
        if (!(accuracy >= 0 && accuracy <= 1)) {
            LOG.warn("Trial {}: evaluator plug-in {} returned {} accuracy {}, outside [0, 1]; it is reported as "
                    + "missing", trialId, definition.name(), split, accuracy);
            return null;
        }
        return accuracy;
    }
}
