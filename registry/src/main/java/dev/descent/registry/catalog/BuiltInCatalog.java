package dev.descent.registry.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.descent.model.spec.LossCatalog;
import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.LossParameter;
import dev.descent.model.spec.PretextTask;

/**
 * The loss functions and pretext tasks built into the workers: the losses from {@link LossCatalog}, with their
 * parameter schemas, and the pretext tasks from the {@link PretextTask} enum. The pretext switch has no default
 * branch, so a new enum constant without a description fails to compile.
 */
@ApplicationScoped
public class BuiltInCatalog {

    /** The version of every built-in entry. */
    public static final String BUILT_IN_VERSION = "1";

    /** Returns the built-in losses in declaration order, followed by the weighted sum that combines them. */
    public List<CatalogEntry> losses() {
        List<CatalogEntry> entries = new ArrayList<>();
        for (LossDefinition definition : LossCatalog.builtIns()) {
            entries.add(entry(definition));
        }
        entries.add(entry(LossCatalog.weightedSum()));
        return entries;
    }

    /** Returns the pretext tasks in declaration order. */
    public List<CatalogEntry> pretextTasks() {
        return Arrays.stream(PretextTask.values())
                .map(task -> new CatalogEntry(task.id(), BUILT_IN_VERSION, describe(task), List.of()))
                .toList();
    }

    private static CatalogEntry entry(LossDefinition definition) {
        List<CatalogParameter> parameters = definition.parameters().stream()
                .map(BuiltInCatalog::parameter)
                .toList();
        return new CatalogEntry(definition.name(), BUILT_IN_VERSION, definition.description(), parameters);
    }

    private static CatalogParameter parameter(LossParameter parameter) {
        return new CatalogParameter(parameter.name(), parameter.description(), parameter.defaultValue(),
                parameter.min(), parameter.max());
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
