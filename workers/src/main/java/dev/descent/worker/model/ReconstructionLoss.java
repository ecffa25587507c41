package dev.descent.worker.model;

import java.util.List;
import java.util.Map;

import dev.descent.model.spec.BasicLoss;
import dev.descent.model.spec.LossFunction;
import dev.descent.model.spec.LossSpec;
import dev.descent.model.spec.LossSpecs;
import dev.descent.model.spec.WeightedLossSum;
import dev.descent.model.spec.WeightedTerm;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMAE;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * A reconstruction loss that the worker trains with, built from a trial config's canonical loss string such as
 * {@code l2}, {@code huber(delta=0.1)} or {@code sum(1.0*l2,0.5*l1)} (see {@link LossSpec#canonical()}).
 *
 * <p>On a {@code CnnLossLayer} with one channel, DL4J applies these per pixel, sums over the pixels of an image and
 * averages over the batch, so the network's score is {@code height * width} times the mean per-pixel loss.
 *
 * <p>{@code bce} uses ND4J's {@link LossBinaryXENT}, which clips the decoder's sigmoid output to
 * {@code [1e-5, 1 - 1e-5]} before taking logarithms, so a saturated output gives a large but finite loss. Its loss
 * does not reach 0 at a perfect reconstruction: with soft targets, the minimum per pixel is the target's entropy.
 */
public final class ReconstructionLoss {

    /** Mean squared error per pixel. */
    public static final ReconstructionLoss L2 = new ReconstructionLoss(BasicLoss.of(LossFunction.L2));

    /** Mean absolute error per pixel. */
    public static final ReconstructionLoss L1 = new ReconstructionLoss(BasicLoss.of(LossFunction.L1));

    /** The clipping that {@link LossBinaryXENT} applies by default, repeated for {@link #meanPerPixel}. */
    private static final double BCE_CLIP = LossBinaryXENT.DEFAULT_CLIPPING_EPSILON;

    private final LossSpec spec;

    private ReconstructionLoss(LossSpec spec) {
        this.spec = spec;
    }

    /** Returns the loss for a spec. */
    public static ReconstructionLoss of(LossSpec spec) {
        return new ReconstructionLoss(spec);
    }

    /**
     * Returns the loss for a canonical loss string.
     *
     * @throws IllegalArgumentException naming the string and the problem when it is not a valid loss
     */
    public static ReconstructionLoss parse(String canonical) {
        return new ReconstructionLoss(LossSpecs.parseCanonical(canonical));
    }

    /** Returns the built-in losses this worker implements, by name. */
    public static List<String> builtInIds() {
        return LossFunction.ids();
    }

    public LossSpec spec() {
        return spec;
    }

    /** Returns the canonical string, such as {@code huber(delta=0.1)}. */
    public String canonical() {
        return spec.canonical();
    }

    /** Creates DL4J's loss function for the output layer. */
    public ILossFunction create() {
        if (spec instanceof BasicLoss basic) {
            return create(basic);
        }
        List<WeightedTerm> terms = ((WeightedLossSum) spec).terms();
        ILossFunction[] losses = new ILossFunction[terms.size()];
        double[] weights = new double[terms.size()];
        for (int i = 0; i < terms.size(); i++) {
            losses[i] = create(terms.get(i).loss());
            weights[i] = terms.get(i).weight();
        }
        return new LossWeightedSum(losses, weights);
    }

    private static ILossFunction create(BasicLoss loss) {
        return switch (loss.function().name()) {
            case "l2" -> new LossMSE();
            case "l1" -> new LossMAE();
            case "huber" -> new LossHuber(loss.parameters().get("delta"));
            case "bce" -> new LossBinaryXENT();
            default -> throw new IllegalArgumentException("loss " + loss.canonical() + " is not a per-pixel loss");
        };
    }

    /**
     * Computes the mean per-pixel loss between a prediction and a target of equal length, in plain Java, as a
     * reference for the ND4J implementation.
     */
    public double meanPerPixel(float[] prediction, float[] target) {
        if (prediction.length != target.length || target.length == 0) {
            throw new IllegalArgumentException("prediction has " + prediction.length + " values and target "
                    + target.length + "; both must have the same non-zero length");
        }
        double sum = 0;
        for (int i = 0; i < target.length; i++) {
            sum += pixelLoss(spec, prediction[i], target[i]);
        }
        return sum / target.length;
    }

    private static double pixelLoss(LossSpec spec, double prediction, double target) {
        if (spec instanceof BasicLoss basic) {
            return pixelLoss(basic, prediction, target);
        }
        double total = 0;
        for (WeightedTerm term : ((WeightedLossSum) spec).terms()) {
            total += term.weight() * pixelLoss(term.loss(), prediction, target);
        }
        return total;
    }

    private static double pixelLoss(BasicLoss loss, double prediction, double target) {
        double difference = prediction - target;
        Map<String, Double> parameters = loss.parameters();
        return switch (loss.function().name()) {
            case "l2" -> difference * difference;
            case "l1" -> Math.abs(difference);
            case "huber" -> {
                double delta = parameters.get("delta");
                double absolute = Math.abs(difference);
                yield absolute <= delta ? 0.5 * difference * difference : delta * (absolute - 0.5 * delta);
            }
            case "bce" -> {
                double clipped = Math.min(1 - BCE_CLIP, Math.max(BCE_CLIP, prediction));
                yield -(target * Math.log(clipped) + (1 - target) * Math.log(1 - clipped));
            }
            default -> throw new IllegalArgumentException("loss " + loss.canonical() + " is not a per-pixel loss");
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReconstructionLoss loss && loss.spec.equals(spec);
    }

    @Override
    public int hashCode() {
        return spec.hashCode();
    }

    @Override
    public String toString() {
        return spec.canonical();
    }
}
