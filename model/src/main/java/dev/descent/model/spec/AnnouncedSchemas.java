package dev.descent.model.spec;

import java.util.ArrayList;
import java.util.List;

import dev.descent.model.message.WorkerCatalog;

/**
 * Registers the plug-in losses and pretext tasks of a worker's announced catalog in {@link LossSchemas} and
 * {@link PretextSchemas}, so that specs, canonical loss strings and query filters in this JVM accept their names.
 * Built-in names are skipped; a changed definition (a new plug-in version) replaces the old one.
 */
public final class AnnouncedSchemas {

    private AnnouncedSchemas() {
    }

    /** Registers a catalog's plug-ins and returns those that were new or changed, as {@code name version}. */
    public static List<String> register(WorkerCatalog catalog) {
        List<String> registered = new ArrayList<>();
        for (LossDefinition loss : catalog.losses()) {
            if (LossFunction.byId(loss.name()).isPresent() || loss.name().equals(WeightedLossSum.NAME)) {
                continue;
            }
            if (!loss.equals(LossSchemas.lookup(loss.name()).orElse(null))) {
                LossSchemas.register(loss);
                registered.add("loss " + loss.name() + " " + loss.version());
            }
        }
        for (PretextDefinition task : catalog.pretextTasks()) {
            if (PretextTask.byId(task.name()).isPresent()) {
                continue;
            }
            if (!task.equals(PretextSchemas.lookup(task.name()).orElse(null))) {
                PretextSchemas.register(task);
                registered.add("pretext task " + task.name() + " " + task.version());
            }
        }
        return registered;
    }
}
