package dev.descent.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import dev.descent.model.spec.LossFunction;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

class ReconstructionLossTest {

    /** Every built-in at its default, Huber with a small delta, and sums with and without parameters. */
    private static final List<String> LOSSES = List.of("l2", "l1", "huber", "huber(delta=0.1)", "bce",
            "sum(1.0*l2,0.5*l1)", "sum(0.5*huber(delta=0.05),2.0*bce,0.25*l2)");

    // Differences 0.5, 0, 0.5 and -0.75: squares sum to 1.0625 and absolute values to 1.75, over 4 pixels.
    private static final float[] PREDICTION = {0.5f, 0f, 1f, 0.25f};
    private static final float[] TARGET = {0f, 0f, 0.5f, 1f};
    private static final double L2 = 1.0625 / 4;
    private static final double L1 = 1.75 / 4;

    private static DataType previousType;

    @BeforeAll
    static void useDoublePrecision() {
        previousType = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restorePrecision() {
        Nd4j.setDefaultDataTypes(previousType, previousType);
    }

    @Test
    void plainJavaMatchesHandComputedValues() {
        assertEquals(L2, ReconstructionLoss.L2.meanPerPixel(PREDICTION, TARGET), 1e-12);
        assertEquals(L1, ReconstructionLoss.L1.meanPerPixel(PREDICTION, TARGET), 1e-12);
        // Huber at delta 0.1: 0.1 * (|d| - 0.05) per pixel, for |d| = 0.5, 0, 0.5, 0.75.
        assertEquals((0.045 + 0 + 0.045 + 0.07) / 4,
                ReconstructionLoss.parse("huber(delta=0.1)").meanPerPixel(PREDICTION, TARGET), 1e-12);
        // Huber at delta 1 is half the squared error where |d| <= 1.
        assertEquals(L2 / 2, ReconstructionLoss.parse("huber").meanPerPixel(PREDICTION, TARGET), 1e-12);
        assertEquals(L2 + 0.5 * L1,
                ReconstructionLoss.parse("sum(1.0*l2,0.5*l1)").meanPerPixel(PREDICTION, TARGET), 1e-12);
        double bce = -(Math.log(0.5) + Math.log(1 - 1e-5) + 0.5 * Math.log(1 - 1e-5) + 0.5 * Math.log(1e-5)
                + Math.log(0.25)) / 4;
        assertEquals(bce, ReconstructionLoss.parse("bce").meanPerPixel(PREDICTION, TARGET), 1e-9);
    }

    @Test
    void dl4jLossMatchesPlainJava() {
        // A CnnLossLayer with one channel hands DL4J one row per pixel with one column, as here. BCE needs
        // predictions inside (0, 1) to avoid its clipping, so these lie strictly inside.
        float[] prediction = {0.3f, 0.02f, 0.9f, 0.6f, 0.45f};
        float[] target = {0f, 0.1f, 0.5f, 1f, 0.45f};
        INDArray predictionArray = Nd4j.create(prediction, new long[] {5, 1}, 'c').castTo(DataType.DOUBLE);
        INDArray targetArray = Nd4j.create(target, new long[] {5, 1}, 'c').castTo(DataType.DOUBLE);
        for (String canonical : LOSSES) {
            ReconstructionLoss loss = ReconstructionLoss.parse(canonical);

            double score = loss.create().computeScore(targetArray, predictionArray, new ActivationIdentity(), null,
                    true);

            assertEquals(loss.meanPerPixel(prediction, target), score, 1e-6, canonical);
        }
    }

    @Test
    void gradientsMatchCentralDifferences() {
        // The decoder's sigmoid output: d score / d pre-activation, as DL4J backpropagates it. Pre-activations in
        // [-2.5, 2.5] keep BCE away from its clipping, and targets 0.3 away from the outputs keep L1 away from its
        // kink; Huber's kink in the second derivative does not matter to a first-order check.
        INDArray preOutput = Nd4j.linspace(-2.5, 2.5, 12, DataType.DOUBLE).reshape(6, 2);
        INDArray output = new ActivationSigmoid().getActivation(preOutput.dup(), false);
        INDArray labels = output.dup();
        for (int i = 0; i < labels.length(); i++) {
            double shifted = output.getDouble(i) + (i % 2 == 0 ? 0.3 : -0.3);
            labels.putScalar(i, Math.min(1, Math.max(0, shifted)));
        }
        IActivation sigmoid = new ActivationSigmoid();
        double step = 1e-6;
        for (String canonical : LOSSES) {
            ILossFunction loss = ReconstructionLoss.parse(canonical).create();
            INDArray analytic = loss.computeGradient(labels, preOutput.dup(), sigmoid, null);
            for (int i = 0; i < preOutput.length(); i++) {
                INDArray plus = preOutput.dup();
                plus.putScalar(i, plus.getDouble(i) + step);
                INDArray minus = preOutput.dup();
                minus.putScalar(i, minus.getDouble(i) - step);
                double numeric = (loss.computeScore(labels, plus, sigmoid, null, false)
                        - loss.computeScore(labels, minus, sigmoid, null, false)) / (2 * step);
                assertEquals(numeric, analytic.getDouble(i), 1e-6 + 1e-4 * Math.abs(numeric),
                        canonical + " at element " + i);
            }
        }
    }

    @Test
    void networkConfigRoundTripsThroughJson() {
        for (String canonical : LOSSES) {
            MultiLayerNetwork network = new ConvAutoencoder().build(28, 28, ReconstructionLoss.parse(canonical),
                    1e-3, 1);

            MultiLayerConfiguration parsed = MultiLayerConfiguration.fromJson(network.getLayerWiseConfigurations()
                    .toJson());

            int last = parsed.getConfs().size() - 1;
            ILossFunction original = ((CnnLossLayer) network.getLayerWiseConfigurations().getConf(last).getLayer())
                    .getLossFn();
            ILossFunction restored = ((CnnLossLayer) parsed.getConf(last).getLayer()).getLossFn();
            assertEquals(original, restored, canonical);
        }
    }

    @Test
    void canonicalStringsSelectTheLoss() {
        assertEquals(ReconstructionLoss.L2, ReconstructionLoss.parse("l2"));
        assertEquals(new LossHuber(0.1), ReconstructionLoss.parse("huber(delta=0.1)").create());
        assertTrue(ReconstructionLoss.parse("sum(1.0*l2,0.5*l1)").create() instanceof LossWeightedSum);
        assertEquals(LossFunction.ids(), ReconstructionLoss.builtInIds());
        for (String id : LossFunction.ids()) {
            assertEquals(id, ReconstructionLoss.parse(id).canonical());
        }
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ReconstructionLoss.parse("l3"));
        assertTrue(error.getMessage().contains("did you mean 'l2'?"), error.getMessage());
    }
}
