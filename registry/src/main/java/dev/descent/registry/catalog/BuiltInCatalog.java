package dev.descent.registry.catalog;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.descent.model.spec.LossFunction;
import dev.descent.model.spec.PretextTask;

/**
 * The loss functions and pretext tasks built into the workers, from the {@link LossFunction} and {@link PretextTask}
 * enums. The switches have no default branch, so a new enum constant without a description fails to compile.
 */
@ApplicationScoped
public class BuiltInCatalog {

    /** The version of every built-in entry. */
    public static final String BUILT_IN_VERSION = "1";

    /** Returns the loss functions in declaration order. */
    public List<CatalogEntry> losses() {
        return Arrays.stream(LossFunction.values())
                .map(loss -> new CatalogEntry(loss.id(), BUILT_IN_VERSION, describe(loss), List.of()))
                .toList();
    }

    /** Returns the pretext tasks in declaration order. */
    public List<CatalogEntry> pretextTasks() {
        return Arrays.stream(PretextTask.values())
                .map(task -> new CatalogEntry(task.id(), BUILT_IN_VERSION, describe(task), List.of()))
                .toList();
    }

    private static String describe(LossFunction loss) {
        return switch (loss) {
            case L2 -> "Mean squared error per pixel between the reconstruction and the clean image.";
            case L1 -> "Mean absolute error per pixel between the reconstruction and the clean image.";
        };
    }

    private static String describe(PretextTask task) {
        return switch (task) {
            case INPAINTING -> "Context encoder: a central square of the image is blanked and the network "
                    + "reconstructs the whole image.";
            case DENOISING -> "Denoising autoencoder: Gaussian noise is added to the input and the network "
                    + "reconstructs the clean image.";
        };
    }
}
