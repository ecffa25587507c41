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

    /**
     * Registers a catalog's plug-ins and returns what happened to each new, changed or invalid one, such as
     * {@code registered loss log-cosh 1.0}; a definition that breaks {@link DefinitionRules} is skipped.
     */
    public static List<String> register(WorkerCatalog catalog) {
        List<String> registered = new ArrayList<>();
        for (LossDefinition loss : catalog.losses()) {
            if (LossFunction.byId(loss.name()).isPresent() || WeightedLossSum.NAME.equals(loss.name())) {
                continue;
            }
            List<String> problems = DefinitionRules.problems(loss);
            if (!problems.isEmpty()) {
                registered.add("skipped loss " + loss.name() + ": " + String.join("; ", problems));
                continue;
            }
            if (!loss.equals(LossSchemas.lookup(loss.name()).orElse(null))) {
                LossSchemas.register(loss);
                registered.add("registered loss " + loss.name() + " " + loss.version());
            }
        }
        for (PretextDefinition task : catalog.pretextTasks()) {
            if (PretextTask.byId(task.name()).isPresent()) {
                continue;
            }
            List<String> problems = DefinitionRules.problems(task);
            if (!problems.isEmpty()) {
                registered.add("skipped pretext task " + task.name() + ": " + String.join("; ", problems));
                continue;
            }
            if (!task.equals(PretextSchemas.lookup(task.name()).orElse(null))) {
                PretextSchemas.register(task);
                registered.add("registered pretext task " + task.name() + " " + task.version());
            }
        }
        return registered;
    }
}
