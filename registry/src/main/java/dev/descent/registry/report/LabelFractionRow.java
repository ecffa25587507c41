package dev.descent.registry.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.descent.model.message.LabelFractionScores;
import dev.descent.registry.store.Configuration;
import dev.descent.registry.store.StoredResult;

/**
 * One trial's probe and kNN on one label fraction, a row of the report's {@code labelFractions} table. The settings
 * were chosen on the validation images; the test accuracies are measured at them.
 *
 * @param trialId the trial
 * @param configurationId the trial's configuration, which groups the seeds of one leaderboard row
 * @param pretext the pretext task, or {@code baseline}
 * @param loss the loss's canonical name, or the baseline's name
 * @param seed the trial's seed
 * @param fraction the fraction of the probe's train images, in (0, 1]
 * @param images the labelled train images drawn for the fraction
 * @param linearL2 the linear probe's chosen L2 weight
 * @param knnK kNN's chosen number of neighbours
 * @param validationLinearProbeAccuracy the linear probe's validation accuracy at {@code linearL2}
 * @param linearProbeAccuracy the linear probe's test accuracy at {@code linearL2}
 * @param validationKnnAccuracy kNN's validation accuracy at {@code knnK}
 * @param knnAccuracy kNN's test accuracy at {@code knnK}
 */
public record LabelFractionRow(
        String trialId,
        String configurationId,
        String pretext,
        String loss,
        long seed,
        double fraction,
        int images,
        double linearL2,
        int knnK,
        double validationLinearProbeAccuracy,
        double linearProbeAccuracy,
        double validationKnnAccuracy,
        double knnAccuracy) {

    private static final Comparator<LabelFractionRow> ORDER = Comparator.comparing(LabelFractionRow::pretext)
            .thenComparing(LabelFractionRow::loss)
            .thenComparing(LabelFractionRow::configurationId)
            .thenComparingLong(LabelFractionRow::seed)
            .thenComparingDouble(LabelFractionRow::fraction);

    /**
     * Returns the label-fraction rows of the results, sorted by pretext task, loss, configuration, seed and
     * fraction; results without label fractions add none.
     */
    public static List<LabelFractionRow> of(List<StoredResult> results) {
        List<LabelFractionRow> rows = new ArrayList<>();
        for (StoredResult result : results) {
            if (result.labelFractions() == null) {
                continue;
            }
            String configurationId = Configuration.of(result.config()).id();
            for (LabelFractionScores scores : result.labelFractions()) {
                rows.add(new LabelFractionRow(result.trialId(), configurationId, result.config().pretext(),
                        result.config().loss(), result.config().seed(), scores.fraction(), scores.images(),
                        scores.linearL2(), scores.knnK(), scores.validationLinearProbeAccuracy(),
                        scores.linearProbeAccuracy(), scores.validationKnnAccuracy(), scores.knnAccuracy()));
            }
        }
        rows.sort(ORDER);
        return rows;
    }
}
