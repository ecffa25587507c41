package dev.descent.model.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in losses a worker can train with, by the name an experiment file uses. The pixel losses compare the
 * decoder's output (a sigmoid, so in [0, 1]) with the target's pixels in [0, 1]; {@code ce} compares class scores with
 * a class label. Plug-ins add more losses at run time (see {@link LossSchemas}).
 */
public enum LossFunction {

    /** Mean squared error per pixel. */
    L2("l2", "Mean squared error per pixel between the reconstruction and the target image.", List.of()),

    /** Mean absolute error per pixel. */
    L1("l1", "Mean absolute error per pixel between the reconstruction and the target image.", List.of()),

    /**
     * Huber loss per pixel: {@code d^2 / 2} where {@code |d| <= delta}, otherwise {@code delta * (|d| - delta / 2)}.
     * Pixel differences lie in [-1, 1], so any delta of 1 or more gives {@code d^2 / 2} everywhere, which is why
     * the range stops at 1.
     */
    HUBER("huber", "Huber (smooth L1) loss per pixel: squared error below delta, absolute error above it.",
            List.of(new LossParameter("delta",
                    "the pixel difference where the loss turns from quadratic to linear", 1.0, 0.001, 1.0))),

    /** Binary cross-entropy per pixel, with the target pixel in [0, 1] as a soft target. */
    BCE("bce", "Binary cross-entropy per pixel, with the target pixel value in [0, 1] as the target probability.",
            List.of()),

    /**
     * Cross-entropy over quantized bins: each target value in [0, 1] falls in one of {@code bins} equal bins, and the
     * network predicts a softmax over the bins per pixel and channel. With {@code rebalance} r above 0, each bin's
     * term is weighted by {@code 1 / (r * p + (1 - r) / bins)}, with p the bin's share of the target values seen so
     * far, normalised so that the weights average 1; colorization work uses r = 0.5 to keep rare colours alive.
     */
    BINNED_CE("binned-ce", "Cross-entropy over a softmax of quantized bins of each target value, with optional "
            + "class rebalancing towards rare bins.",
            List.of(LossParameter.wholeNumber("bins", "the number of equal bins over [0, 1]", 16, 2, 256),
                    new LossParameter("rebalance", "how far to reweight bins by inverse frequency: 0 is off, 0.5 "
                            + "as in colorization work, 1 is full inverse frequency", 0.0, 0.0, 1.0))),

    /**
     * A learned loss: a small convolutional discriminator is trained, batch by batch, to tell target images from the
     * network's outputs, and the network is trained to make the discriminator judge its outputs real.
     */
    ADVERSARIAL("adversarial", "A GAN discriminator as a learned loss: trained in alternation to tell targets from "
            + "outputs, its judgement of the output is the loss.",
            List.of(new LossParameter("discriminator-learning-rate",
                    "Adam's step size for the discriminator", 2e-4, 1e-6, 0.1))),

    /** Cross-entropy over a softmax of class scores, for pretext tasks that predict a class. */
    CE("ce", "Cross-entropy between a softmax over the classes and the true class, for classification pretext tasks.",
            List.of(), Set.of(TargetKind.CLASS));

    /** The version of every built-in loss. */
    public static final String VERSION = "1.0";

    private final String id;
    private final String description;
    private final List<LossParameter> parameters;
    private final Set<TargetKind> targets;

    LossFunction(String id, String description, List<LossParameter> parameters) {
        this(id, description, parameters, Set.of(TargetKind.IMAGE));
    }

    LossFunction(String id, String description, List<LossParameter> parameters, Set<TargetKind> targets) {
        this.id = id;
        this.description = description;
        this.parameters = parameters;
        this.targets = targets;
    }

    /** Returns the name used in experiment files, such as {@code huber}. */
    public String id() {
        return id;
    }

    /** Returns what the loss computes, in one sentence. */
    public String description() {
        return description;
    }

    /** Returns the loss's tunable parameters in declaration order; empty for a loss without parameters. */
    public List<LossParameter> parameters() {
        return parameters;
    }

    /** Returns the kinds of pretext target the loss can train. */
    public Set<TargetKind> targets() {
        return targets;
    }

    /** Returns the parameter with the given name. */
    public Optional<LossParameter> parameter(String name) {
        return parameters.stream().filter(parameter -> parameter.name().equals(name)).findFirst();
    }

    /** Returns the names of the loss's parameters in declaration order. */
    public List<String> parameterNames() {
        return parameters.stream().map(LossParameter::name).toList();
    }

    /** Returns the loss's schema as catalogs and plug-ins describe it. */
    public LossDefinition definition() {
        return new LossDefinition(id, VERSION, description, parameters, targets);
    }

    public static Optional<LossFunction> byId(String id) {
        return Arrays.stream(values()).filter(loss -> loss.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(LossFunction::id).toList();
    }
}
