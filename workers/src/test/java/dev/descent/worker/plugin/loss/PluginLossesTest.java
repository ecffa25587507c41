package dev.descent.worker.plugin.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.deeplearning4j.nn.conf.layers.CnnLossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import dev.descent.model.spec.TargetKind;
import dev.descent.plugin.LossContext;
import dev.descent.plugin.TrainingLoss;
import dev.descent.worker.model.ConvAutoencoder;
import dev.descent.worker.model.LossWeightedSum;
import dev.descent.worker.model.NetworkHead;
import dev.descent.worker.plugin.TrainingLosses;

/** Gradient checks and training checks of the binned, adversarial and class losses. */
class PluginLossesTest {

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
    void binnedLabelsPutEachValueInItsBin() {
        INDArray target = Nd4j.create(new double[] {0.0, 0.24, 0.25, 0.99, 1.0, 0.5}, new long[] {1, 2, 1, 3});

        INDArray labels = BinnedLabels.oneHot(target, 4);

        assertEquals(8, labels.size(1), "2 target channels x 4 bins");
        int[][] expectedBins = {{0, 0, 1}, {3, 3, 2}};
        for (int channel = 0; channel < 2; channel++) {
            for (int pixel = 0; pixel < 3; pixel++) {
                for (int bin = 0; bin < 4; bin++) {
                    double expected = expectedBins[channel][pixel] == bin ? 1 : 0;
                    assertEquals(expected, labels.getDouble(0, channel * 4 + bin, 0, pixel),
                            "channel " + channel + ", pixel " + pixel + ", bin " + bin);
                }
            }
        }
    }

    @Test
    void binnedCrossEntropyGradientMatchesCentralDifferences() {
        for (double rebalance : new double[] {0.0, 0.5}) {
            LossBinnedCrossEntropy loss = new LossBinnedCrossEntropy(3, rebalance);
            // 5 pixel rows, 2 target channels of 3 bins each.
            INDArray preOutput = Nd4j.linspace(-2, 2, 30, DataType.DOUBLE).reshape(5, 6).muli(Nd4j.rand(5, 6));
            INDArray labels = Nd4j.zeros(DataType.DOUBLE, 5, 6);
            int[] bins = {0, 2, 1, 1, 2, 0, 0, 0, 1, 2};
            for (int row = 0; row < 5; row++) {
                labels.putScalar(row, bins[2 * row], 1);
                labels.putScalar(row, 3 + bins[2 * row + 1], 1);
            }

            checkGradient(loss, labels, preOutput, new ActivationIdentity(), "binned-ce rebalance " + rebalance);
        }
    }

    @Test
    void rebalancingWeighsRareBinsUp() {
        LossBinnedCrossEntropy loss = new LossBinnedCrossEntropy(2, 1.0);
        INDArray labels = Nd4j.create(new double[][] {{1, 0}, {1, 0}, {1, 0}, {0, 1}});
        loss.computeGradient(labels, Nd4j.zeros(DataType.DOUBLE, 4, 2), new ActivationIdentity(), null);

        double[] weights = loss.weights();

        assertEquals(3.0, weights[1] / weights[0], 1e-9, "bin 1 is 3 times rarer than bin 0");
        assertEquals(1.0, 0.75 * weights[0] + 0.25 * weights[1], 1e-9, "weights average 1 over the labels");
    }

    @Test
    void classCrossEntropyGradientMatchesCentralDifferences() {
        ILossFunction loss = new CrossEntropyPlugin().create(Map.of(), LossContext.classes(4, 1)).lossFunction();
        INDArray preOutput = Nd4j.linspace(-1, 1.3, 12, DataType.DOUBLE).reshape(3, 4);
        INDArray labels = Nd4j.create(new double[][] {{0, 1, 0, 0}, {0, 0, 0, 1}, {1, 0, 0, 0}});

        checkGradient(loss, labels, preOutput, new ActivationSoftmax(), "ce");
    }

    @Test
    void discriminatorGradientMatchesCentralDifferences() {
        Discriminator discriminator = new Discriminator(1, 4, 4, 1e-3, 7);
        INDArray images = Nd4j.rand(DataType.DOUBLE, 2, 1, 4, 4);
        discriminator.train(Nd4j.rand(DataType.DOUBLE, 2, 1, 4, 4), images);

        INDArray analytic = discriminator.generatorGradient(images);

        double step = 1e-3;
        for (int i = 0; i < images.length(); i++) {
            INDArray plus = images.dup();
            plus.putScalar(i, plus.getDouble(i) + step);
            INDArray minus = images.dup();
            minus.putScalar(i, minus.getDouble(i) - step);
            double numeric = (generatorLoss(discriminator, plus) - generatorLoss(discriminator, minus)) / (2 * step);
            // The discriminator computes in single precision, so the tolerance is wider than for the losses above.
            assertEquals(numeric, analytic.getDouble(i), 2e-3 + 2e-2 * Math.abs(numeric), "pixel " + i);
        }
    }

    @Test
    void adversarialLossUsesStoredGradient() {
        try (TrainingLoss adversarial = new AdversarialPlugin().create(Map.of("discriminator-learning-rate", 1e-3),
                LossContext.image(1, 4, 4, 7))) {
            INDArray preOutput = Nd4j.linspace(-1.5, 1.5, 32, DataType.DOUBLE).reshape(2, 1, 4, 4);
            INDArray output = new ActivationSigmoid().getActivation(preOutput.dup(), false);
            adversarial.beforeFit(output, Nd4j.rand(DataType.DOUBLE, 2, 1, 4, 4));
            Discriminator discriminator = AdversarialSlots.get(((LossAdversarial) adversarial.lossFunction()).slot())
                    .orElseThrow().discriminator();
            INDArray rows = preOutput.permute(0, 2, 3, 1).dup('c').reshape(32, 1);

            INDArray gradient = adversarial.lossFunction().computeGradient(null, rows, new ActivationSigmoid(), null);
            double score = adversarial.lossFunction().computeScore(null, rows, new ActivationSigmoid(), null, true);

            INDArray expected = discriminator.generatorGradient(output).permute(0, 2, 3, 1).dup('c').reshape(32, 1)
                    .muli(output.permute(0, 2, 3, 1).dup('c').reshape(32, 1).rsub(1).muli(
                            output.permute(0, 2, 3, 1).dup('c').reshape(32, 1)));
            assertEquals(0.0, gradient.sub(expected).norm2Number().doubleValue(), 1e-5);
            assertEquals((generatorLoss(discriminator, output.get(NDArrayIndex.interval(0, 1)))
                    + generatorLoss(discriminator, output.get(NDArrayIndex.interval(1, 2)))) / 2, score, 1e-5);
        }
    }

    /** Returns the sum of {@code -log D(image)} over the images. */
    private static double generatorLoss(Discriminator discriminator, INDArray images) {
        INDArray judged = discriminator.judge(images);
        double sum = 0;
        for (int i = 0; i < judged.length(); i++) {
            sum -= Math.log(judged.getDouble(i));
        }
        return sum;
    }

    @Test
    void closingTheLossReleasesTheDiscriminator() {
        TrainingLoss loss = new AdversarialPlugin().create(Map.of("discriminator-learning-rate", 1e-3),
                LossContext.image(1, 4, 4, 1));
        String slot = ((LossAdversarial) loss.lossFunction()).slot();

        loss.close();

        assertTrue(AdversarialSlots.get(slot).isEmpty());
    }

    @Test
    void unknownLossNamesTheLoadedOnes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TrainingLosses.create("sum(1.0*l2,1.0*binned-ce)", LossContext.image(1, 4, 4, 1)));

        assertTrue(error.getMessage().contains("different output layers"), error.getMessage());
    }

    private static void checkGradient(ILossFunction loss, INDArray labels, INDArray preOutput, IActivation activation,
                                      String name) {
        INDArray analytic = loss.computeGradient(labels, preOutput.dup(), activation, null);
        assertNumericGradient(loss, labels, preOutput, activation, analytic, name);
    }

    private static void assertNumericGradient(ILossFunction loss, INDArray labels, INDArray preOutput,
                                              IActivation activation, INDArray analytic, String name) {
        double step = 1e-6;
        for (int i = 0; i < preOutput.length(); i++) {
            INDArray plus = preOutput.dup();
            plus.putScalar(i, plus.getDouble(i) + step);
            INDArray minus = preOutput.dup();
            minus.putScalar(i, minus.getDouble(i) - step);
            double numeric = (loss.computeScore(labels, plus, activation, null, false)
                    - loss.computeScore(labels, minus, activation, null, false)) / (2 * step);
            assertEquals(numeric, analytic.getDouble(i), 1e-6 + 1e-4 * Math.abs(numeric), name + " at element " + i);
        }
    }
}
