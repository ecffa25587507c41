package dev.descent.orchestrator.catalog;

import org.jboss.logging.Logger;

import dev.descent.model.message.WorkerCatalog;
import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.LossFunction;
import dev.descent.model.spec.LossSchemas;
import dev.descent.model.spec.PretextDefinition;
import dev.descent.model.spec.PretextSchemas;
import dev.descent.model.spec.PretextTask;
import dev.descent.model.spec.WeightedLossSum;

/**
 * Registers the plug-in losses and pretext tasks of an announced catalog in {@link LossSchemas} and
 * {@link PretextSchemas}, so that the spec parser accepts their names. Built-in names are skipped.
 */
final class PlugInSchemas {

    private static final Logger LOG = Logger.getLogger(PlugInSchemas.class);

    private PlugInSchemas() {
    }

    static void register(WorkerCatalog catalog) {
        for (LossDefinition loss : catalog.losses()) {
            if (LossFunction.byId(loss.name()).isPresent() || loss.name().equals(WeightedLossSum.NAME)) {
                continue;
            }
            if (!loss.equals(LossSchemas.lookup(loss.name()).orElse(null))) {
                LossSchemas.register(loss);
                LOG.infof("Registered loss %s version %s from worker %s", loss.name(), loss.version(),
                        catalog.workerId());
            }
        }
        for (PretextDefinition task : catalog.pretextTasks()) {
            if (PretextTask.byId(task.name()).isPresent()) {
                continue;
            }
            if (!task.equals(PretextSchemas.lookup(task.name()).orElse(null))) {
                PretextSchemas.register(task);
                LOG.infof("Registered pretext task %s version %s from worker %s", task.name(), task.version(),
                        catalog.workerId());
            }
        }
    }
}
