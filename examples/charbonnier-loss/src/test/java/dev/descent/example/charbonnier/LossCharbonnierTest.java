package dev.descent.example.charbonnier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;

import dev.descent.plugin.LossContext;

/** The example plug-in's loss: a hand-computed value and a central-difference gradient check. */
class LossCharbonnierTest {

    @Test
    void scoreIsTheMeanSmoothedAbsoluteDifference() {
        INDArray labels = Nd4j.create(new double[][] {{0.0, 1.0}});
        INDArray output = Nd4j.create(new double[][] {{0.3, 0.6}});
        ILossFunction loss = new LossCharbonnier(0.1);

        double score = loss.computeScore(labels, output, new org.nd4j.linalg.activations.impl.ActivationIdentity(),
                null, true);

        assertEquals((Math.sqrt(0.09 + 0.01) + Math.sqrt(0.16 + 0.01)) / 2, score, 1e-6);
    }

    @Test
    void gradientMatchesCentralDifferences() {
        ILossFunction loss = new CharbonnierPlugin().create(Map.of("epsilon", 0.05), LossContext.image(1, 2, 3, 1))
                .lossFunction();
        INDArray preOutput = Nd4j.linspace(-2, 2, 6, DataType.DOUBLE).reshape(3, 2);
        INDArray labels = Nd4j.create(new double[][] {{0.1, 0.9}, {0.5, 0.2}, {0.7, 0.0}});
        ActivationSigmoid sigmoid = new ActivationSigmoid();

        INDArray analytic = loss.computeGradient(labels, preOutput.dup(), sigmoid, null);

        double step = 1e-6;
        for (int i = 0; i < preOutput.length(); i++) {
            INDArray plus = preOutput.dup();
            plus.putScalar(i, plus.getDouble(i) + step);
            INDArray minus = preOutput.dup();
            minus.putScalar(i, minus.getDouble(i) - step);
            double numeric = (loss.computeScore(labels, plus, sigmoid, null, false)
                    - loss.computeScore(labels, minus, sigmoid, null, false)) / (2 * step);
            assertEquals(numeric, analytic.getDouble(i), 1e-6 + 1e-4 * Math.abs(numeric), "element " + i);
        }
    }
}
