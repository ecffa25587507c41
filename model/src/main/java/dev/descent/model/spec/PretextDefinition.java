package dev.descent.model.spec;

/**
 * A pretext task that experiment files can name: a built-in one or one that a worker's plug-in announces.
 *
 * @param name the name an experiment file uses, such as {@code inpainting}
 * @param version the implementation's version, such as {@code 1.0}
 * @param description how the task makes the network's input and target from an image
 * @param target what the network outputs, which decides the losses that can train it
 * @param needsColor whether the task needs RGB images, as colorization does
 */
public record PretextDefinition(String name, String version, String description, TargetKind target,
                                boolean needsColor) {
}
