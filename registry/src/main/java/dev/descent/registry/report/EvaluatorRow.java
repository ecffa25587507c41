package dev.descent.registry.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.descent.model.message.EvaluatorScore;
import dev.descent.registry.store.Configuration;
import dev.descent.registry.store.StoredResult;

/**
 * One trial's figures from one evaluator plug-in, a row of the report's {@code evaluations} table. The plug-in was
 * fitted on the probe's train images and scored on the validation and the test images.
 *
 * @param trialId the trial
 * @param configurationId the trial's configuration, which groups the seeds of one leaderboard row
 * @param pretext the pretext task, or {@code baseline}
 * @param loss the loss's canonical name, or the baseline's name
 * @param seed the trial's seed
 * @param name the evaluator plug-in's name
 * @param version the evaluator plug-in's version, or {@code null} when the worker did not report one
 * @param validationAccuracy the accuracy on the validation images, or {@code null} when the plug-in failed there
 * @param testAccuracy the accuracy on the test images, or {@code null} when the plug-in failed there
 */
public record EvaluatorRow(
        String trialId,
        String configurationId,
        String pretext,
        String loss,
        long seed,
        String name,
        String version,
        Double validationAccuracy,
        Double testAccuracy) {

    private static final Comparator<EvaluatorRow> ORDER = Comparator.comparing(EvaluatorRow::pretext)
            .thenComparing(EvaluatorRow::loss)
            .thenComparing(EvaluatorRow::configurationId)
            .thenComparingLong(EvaluatorRow::seed)
            .thenComparing(EvaluatorRow::name);

    /**
     * Returns the evaluator rows of the results, sorted by pretext task, loss, configuration, seed and evaluator
     * name; results without evaluator figures add none.
     */
    public static List<EvaluatorRow> of(List<StoredResult> results) {
        List<EvaluatorRow> rows = new ArrayList<>();
        for (StoredResult result : results) {
            if (result.evaluations() == null) {
                continue;
            }
            String configurationId = Configuration.of(result.config()).id();
            for (EvaluatorScore score : result.evaluations()) {
                rows.add(new EvaluatorRow(result.trialId(), configurationId, result.config().pretext(),
                        result.config().loss(), result.config().seed(), score.name(), score.version(),
                        score.validationAccuracy(), score.testAccuracy()));
            }
        }
        rows.sort(ORDER);
        return rows;
    }
}
