package dev.descent.model.message;

import java.time.Instant;
import java.util.List;

import dev.descent.model.spec.EvaluatorDefinition;
import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.PretextDefinition;

/**
 * What one worker can run, as it announces it on {@link Topics#WORKER_CATALOGS}: its losses, pretext tasks and
 * evaluators, built in or loaded from plug-in jars, with versions and parameter schemas.
 *
 * @param workerId the worker's id, also the record key
 * @param host the worker's host name, for operators
 * @param announcedAt when the worker sent this announcement. Readers treat the worker as gone once the catalog is
 *     older than the interval times their tolerance factor
 * @param intervalSeconds how often the worker repeats the announcement
 * @param losses every loss the worker can train with
 * @param pretextTasks every pretext task the worker can train
 * @param evaluators every evaluator the worker can score features with
 * @param datasets the dataset formats the worker can read
 */
public record WorkerCatalog(String workerId, String host, Instant announcedAt, int intervalSeconds,
                            List<LossDefinition> losses, List<PretextDefinition> pretextTasks,
                            List<EvaluatorDefinition> evaluators, List<String> datasets) {

    public WorkerCatalog {
        losses = List.copyOf(losses);
        pretextTasks = List.copyOf(pretextTasks);
        evaluators = List.copyOf(evaluators);
        datasets = List.copyOf(datasets);
    }
}
