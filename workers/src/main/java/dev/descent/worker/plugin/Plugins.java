package dev.descent.worker.plugin;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.descent.model.message.WorkerCatalog;
import dev.descent.model.spec.DatasetFormat;
import dev.descent.model.spec.EvaluatorDefinition;
import dev.descent.model.spec.LossSchemas;
import dev.descent.model.spec.PretextSchemas;

/**
 * The worker's plug-ins: built-in losses, pretext tasks and evaluators, plus those loaded from a folder of jars.
 *
 * <p>Thread-safe.
 */
public final class Plugins {

    private Plugins() {
    }

    /**
     * Loads the plug-in jars of a folder, once, before the worker takes trials.
     *
     * @param folder the folder of extra plug-in jars; empty for built-ins only
     */
    public static synchronized void load(Optional<Path> folder) {
        // Filled in by the plug-in loader.
    }

    /** Returns what this worker can run, for its announcement on the catalog topic. */
    public static WorkerCatalog catalog(String workerId, String host, int intervalSeconds) {
        return new WorkerCatalog(workerId, host, Instant.now(), intervalSeconds, LossSchemas.all(),
                PretextSchemas.all(), List.of(
                        new EvaluatorDefinition("linear-probe", "1.0", "Multinomial logistic regression on the frozen, "
                                + "standardised features."),
                        new EvaluatorDefinition("knn", "1.0", "k nearest neighbours by cosine similarity on the "
                                + "frozen, standardised features.")),
                DatasetFormat.ids());
    }
}
