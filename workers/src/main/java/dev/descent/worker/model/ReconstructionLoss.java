package dev.descent.worker.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The reconstruction losses, by the ids of {@link dev.descent.model.spec.LossFunction}.
 *
 * <p>On a {@code CnnLossLayer} with one channel, DL4J applies these per pixel, sums over the pixels of an image and
 * averages over the batch, so the network's score is {@code height * width} times the mean per-pixel loss.
 */
public enum ReconstructionLoss {

    /** Mean squared error per pixel. */
    L2("l2") {
        @Override
        public ILossFunction create() {
            return new LossMSE();
        }

        @Override
        double pixelLoss(double difference) {
            return difference * difference;
        }
    },

    /** Mean absolute error per pixel. */
    L1("l1") {
        @Override
        public ILossFunction create() {
            return new LossMAE();
        }

        @Override
        double pixelLoss(double difference) {
            return Math.abs(difference);
        }
    };

    private final String id;

    ReconstructionLoss(String id) {
        this.id = id;
    }

    /** Returns the id used in experiment files. */
    public String id() {
        return id;
    }

    /** Creates DL4J's loss function for the output layer. */
    public abstract ILossFunction create();

    abstract double pixelLoss(double difference);

    /** Computes the mean per-pixel loss between a prediction and a target of equal length, in plain Java. */
    public double meanPerPixel(float[] prediction, float[] target) {
        if (prediction.length != target.length || target.length == 0) {
            throw new IllegalArgumentException("prediction has " + prediction.length + " values and target "
                    + target.length + "; both must have the same non-zero length");
        }
        double sum = 0;
        for (int i = 0; i < target.length; i++) {
            sum += pixelLoss(prediction[i] - target[i]);
        }
        return sum / target.length;
    }

    /** Returns the loss with an id such as {@code l2}. */
    public static Optional<ReconstructionLoss> byId(String id) {
        return Arrays.stream(values()).filter(loss -> loss.id.equals(id)).findFirst();
    }

    /** Returns the ids of all losses. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(ReconstructionLoss::id).toList();
    }
}
