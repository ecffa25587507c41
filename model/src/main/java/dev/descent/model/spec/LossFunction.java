package dev.descent.model.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The built-in reconstruction losses a worker can train with, by the name an experiment file uses. Every loss is
 * computed per pixel between the decoder's output (a sigmoid, so in [0, 1]) and the clean image's pixel in [0, 1].
 */
public enum LossFunction {

    /** Mean squared error per pixel. */
    L2("l2", "Mean squared error per pixel between the reconstruction and the clean image.", List.of()),

    /** Mean absolute error per pixel. */
    L1("l1", "Mean absolute error per pixel between the reconstruction and the clean image.", List.of()),

    /**
     * Huber loss per pixel: {@code d^2 / 2} where {@code |d| <= delta}, otherwise {@code delta * (|d| - delta / 2)}.
     * Pixel differences lie in [-1, 1], so any delta of 1 or more gives {@code d^2 / 2} everywhere, which is why
     * the range stops at 1.
     */
    HUBER("huber", "Huber (smooth L1) loss per pixel: squared error below delta, absolute error above it.",
            List.of(new LossParameter("delta",
                    "the pixel difference where the loss turns from quadratic to linear", 1.0, 0.001, 1.0))),

    /** Binary cross-entropy per pixel, with the clean pixel in [0, 1] as a soft target. */
    BCE("bce", "Binary cross-entropy per pixel, with the clean pixel value in [0, 1] as the target probability.",
            List.of());

    private final String id;
    private final String description;
    private final List<LossParameter> parameters;

    LossFunction(String id, String description, List<LossParameter> parameters) {
        this.id = id;
        this.description = description;
        this.parameters = parameters;
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

    /** Returns the parameter with the given name. */
    public Optional<LossParameter> parameter(String name) {
        return parameters.stream().filter(parameter -> parameter.name().equals(name)).findFirst();
    }

    /** Returns the names of the loss's parameters in declaration order. */
    public List<String> parameterNames() {
        return parameters.stream().map(LossParameter::name).toList();
    }

    public static Optional<LossFunction> byId(String id) {
        return Arrays.stream(values()).filter(loss -> loss.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(LossFunction::id).toList();
    }
}
