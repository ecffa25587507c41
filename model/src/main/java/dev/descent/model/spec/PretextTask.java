package dev.descent.model.spec;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The built-in pretext tasks a worker can train, by the name an experiment file uses. */
public enum PretextTask {

    /** Context encoder: a central square of the image is blanked and the network reconstructs the whole image. */
    INPAINTING("inpainting", "Context encoder: a central square covering half of each side is blanked and the "
            + "network reconstructs the whole image.", TargetKind.IMAGE, false),

    /** Context encoder with the square hole at a random place in each image. */
    INPAINTING_RANDOM("inpainting-random", "Context encoder with a random hole: a square covering half of each side "
            + "is blanked at a random place in each image, and the network reconstructs the whole image.",
            TargetKind.IMAGE, false),

    /** Denoising autoencoder: Gaussian noise is added to the input and the network reconstructs the clean image. */
    DENOISING("denoising", "Denoising autoencoder: Gaussian noise (sigma 0.3 of the pixel range) corrupts the input "
            + "and the network reconstructs the clean image.", TargetKind.IMAGE, false),

    /** Denoising autoencoder with salt-and-pepper noise. */
    DENOISING_SALT_PEPPER("denoising-salt-pepper", "Denoising autoencoder with salt-and-pepper noise: 20% of the "
            + "pixels are set to 0 or 1 at random, and the network reconstructs the clean image.", TargetKind.IMAGE,
            false),

    /** Super-resolution: the input is the image shrunk by 2 and enlarged again, the target the full image. */
    SUPER_RESOLUTION("super-resolution", "Super-resolution x2: the input is the image averaged over 2x2 blocks and "
            + "enlarged back, and the network restores the full-resolution image.", TargetKind.IMAGE, false),

    /** Colorization: the input is the image's luminance, the target its two chrominance channels. */
    COLORIZATION("colorization", "Colorization: the network sees the luminance of an RGB image and predicts its "
            + "two chrominance channels; needs RGB data.", TargetKind.IMAGE, true),

    /** Rotation prediction: the image is turned by 0, 90, 180 or 270 degrees and the network names the turn. */
    ROTATION("rotation", "Rotation prediction: the image is turned by 0, 90, 180 or 270 degrees and the network "
            + "classifies the turn (4 classes).", TargetKind.CLASS, false);

    /** The version of every built-in pretext task. */
    public static final String VERSION = "1.0";

    private final String id;
    private final String description;
    private final TargetKind target;
    private final boolean needsColor;

    PretextTask(String id, String description, TargetKind target, boolean needsColor) {
        this.id = id;
        this.description = description;
        this.target = target;
        this.needsColor = needsColor;
    }

    public String id() {
        return id;
    }

    /** Returns how the task makes its input and target, in one or two sentences. */
    public String description() {
        return description;
    }

    /** Returns the task's schema as catalogs and plug-ins describe it. */
    public PretextDefinition definition() {
        return new PretextDefinition(id, VERSION, description, target, needsColor);
    }

    public static Optional<PretextTask> byId(String id) {
        return Arrays.stream(values()).filter(task -> task.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(PretextTask::id).toList();
    }
}
