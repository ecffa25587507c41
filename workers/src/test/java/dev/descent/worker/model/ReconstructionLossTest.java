package dev.descent.worker.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.descent.model.spec.LossFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class ReconstructionLossTest {

    // Differences 0.5, 0, 0.5 and -0.75: squares sum to 1.0625 and absolute values to 1.75, over 4 pixels.
    private static final float[] PREDICTION = {0.5f, 0f, 1f, 0.25f};
    private static final float[] TARGET = {0f, 0f, 0.5f, 1f};
    private static final double L2 = 1.0625 / 4;
    private static final double L1 = 1.75 / 4;

    @Test
    void plainJavaMatchesHandComputedValues() {
        assertEquals(L2, ReconstructionLoss.L2.meanPerPixel(PREDICTION, TARGET), 1e-12);
        assertEquals(L1, ReconstructionLoss.L1.meanPerPixel(PREDICTION, TARGET), 1e-12);
    }

    @Test
    void dl4jLossMatchesHandComputedValues() {
        // A CnnLossLayer with one channel hands DL4J one row per pixel with one column, as here.
        INDArray prediction = Nd4j.create(PREDICTION, new long[] {4, 1}, 'c');
        INDArray target = Nd4j.create(TARGET, new long[] {4, 1}, 'c');

        double l2 = ReconstructionLoss.L2.create()
                .computeScore(target, prediction, new ActivationIdentity(), null, true);
        double l1 = ReconstructionLoss.L1.create()
                .computeScore(target, prediction, new ActivationIdentity(), null, true);

        assertEquals(L2, l2, 1e-6);
        assertEquals(L1, l1, 1e-6);
    }

    @Test
    void idsMatchModelLossIds() {
        assertEquals(LossFunction.ids(), ReconstructionLoss.ids());
    }
}
