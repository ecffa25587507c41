package dev.descent.worker.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.descent.model.message.LabelFractionScores;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.trial.TrialConfig;
import dev.descent.worker.probe.ProbeEvaluation;

/** Label fractions through a whole raw-pixel baseline trial on the real Fashion-MNIST files. */
class LabelFractionTrialTest {

    private static final Path FOLDER = Path.of("/usr/share/datasets/fashion-mnist");

    private static TrialOutcome run(List<Double> fractions) {
        TrialConfig config = new TrialConfig("fashion-mnist", null, "baseline", "raw-pixels", 1, null,
                new ProbeSpec(2000, 1000, 10, 20, 1000, fractions));
        return new TrialRunner().run("fractions", config, FOLDER, TrialProgressListener.NONE, () -> false);
    }

    @Test
    void fractionsReportedWithDefaultFiguresUnchanged() {
        TrialOutcome plain = run(null);
        TrialOutcome fractions = run(List.of(0.01, 0.1, 1.0));

        assertNull(plain.labelFractions());
        assertEquals(plain.linearProbeAccuracy(), fractions.linearProbeAccuracy());
        assertEquals(plain.knnAccuracy(), fractions.knnAccuracy());
        assertEquals(plain.validationLinearProbeAccuracy(), fractions.validationLinearProbeAccuracy());
        assertEquals(plain.validationKnnAccuracy(), fractions.validationKnnAccuracy());

        List<LabelFractionScores> scores = fractions.labelFractions();
        System.out.println("raw pixels, 2,000 probe train images: " + scores);
        assertEquals(List.of(0.01, 0.1, 1.0), scores.stream().map(LabelFractionScores::fraction).toList());
        assertEquals(List.of(20, 200, 2000), scores.stream().map(LabelFractionScores::images).toList());
        for (LabelFractionScores score : scores) {
            assertTrue(score.linearProbeAccuracy() > 0.3, score.toString());
            assertTrue(score.knnAccuracy() > 0.3, score.toString());
            assertTrue(contains(ProbeEvaluation.L2_GRID, score.linearL2()), score.toString());
            assertTrue(score.knnK() <= score.images(), score.toString());
        }
        assertTrue(scores.get(2).linearProbeAccuracy() > scores.get(0).linearProbeAccuracy(), scores.toString());
        assertTrue(scores.get(2).knnAccuracy() > scores.get(0).knnAccuracy(), scores.toString());
    }

    @Test
    void sameSeedReproducesFractions() {
        List<LabelFractionScores> first = run(List.of(0.05)).labelFractions();
        List<LabelFractionScores> second = run(List.of(0.05)).labelFractions();

        assertEquals(first, second);
    }

    private static boolean contains(double[] grid, double value) {
        for (double candidate : grid) {
            if (candidate == value) {
                return true;
            }
        }
        return false;
    }
}
