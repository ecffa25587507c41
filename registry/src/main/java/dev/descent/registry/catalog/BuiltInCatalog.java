package dev.descent.registry.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.descent.model.spec.EvaluatorDefinition;
import dev.descent.model.spec.LossCatalog;
import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.PretextDefinition;
import dev.descent.model.spec.PretextTask;

/**
 * The losses, pretext tasks and evaluators built into every worker, served when no worker is live so that the web
 * page and the CLI still list something. Each entry has an empty {@code workers} list.
 */
final class BuiltInCatalog {

    /**
     * The evaluators built into every worker.
     *
     * <p>NOTE: these copy the worker's built-in evaluator definitions, because the registry does not depend on the
     * workers module; keep the two in step.
     */
    static final List<EvaluatorDefinition> EVALUATORS = List.of(
            new EvaluatorDefinition("linear-probe", "1.0", "Multinomial logistic regression on the frozen, "
                    + "standardised features."),
            new EvaluatorDefinition("knn", "1.0", "k nearest neighbours by cosine similarity on the frozen, "
                    + "standardised features."));

    private BuiltInCatalog() {
    }

    /** Returns the built-in losses in declaration order, followed by the weighted sum that combines them. */
    static List<CatalogEntry> losses() {
        List<CatalogEntry> entries = new ArrayList<>();
        for (LossDefinition definition : LossCatalog.builtIns()) {
            entries.add(CatalogEntries.loss(definition, List.of(definition.version()), List.of()));
        }
        entries.add(CatalogEntries.weightedSum(List.of()));
        return entries;
    }

    /** Returns the built-in pretext tasks in declaration order. */
    static List<CatalogEntry> pretextTasks() {
        return Arrays.stream(PretextTask.values()).map(PretextTask::definition)
                .map(definition -> CatalogEntries.pretext(definition, List.of(definition.version()), List.of()))
                .toList();
    }

    /** Returns the built-in evaluators. */
    static List<CatalogEntry> evaluators() {
        return EVALUATORS.stream()
                .map(definition -> CatalogEntries.evaluator(definition, List.of(definition.version()), List.of()))
                .toList();
    }

    /** Returns the names of the built-in pretext tasks in declaration order. */
    static List<String> pretextOrder() {
        return Arrays.stream(PretextTask.values()).map(PretextTask::definition).map(PretextDefinition::name).toList();
    }
}
