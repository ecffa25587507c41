package dev.descent.registry.catalog;

import java.util.List;

import dev.descent.model.spec.EvaluatorDefinition;
import dev.descent.model.spec.LossCatalog;
import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.PretextDefinition;
import dev.descent.model.spec.TargetKind;

/** Builds catalog entries from the definitions that workers announce. */
final class CatalogEntries {

    private CatalogEntries() {
    }

    static CatalogEntry loss(LossDefinition definition, List<String> versions, List<String> workers) {
        List<CatalogParameter> parameters = definition.parameters().stream().map(CatalogParameter::of).toList();
        List<String> targets = definition.targets().stream().sorted().map(TargetKind::id).toList();
        return new CatalogEntry(definition.name(), definition.version(), definition.description(), parameters,
                versions, targets, workers, workers.size());
    }

    /** Returns the weighted sum, which every worker offers over its own losses. */
    static CatalogEntry weightedSum(List<String> workers) {
        LossDefinition sum = LossCatalog.weightedSum();
        return loss(sum, List.of(sum.version()), workers);
    }

    static CatalogEntry pretext(PretextDefinition definition, List<String> versions, List<String> workers) {
        return new CatalogEntry(definition.name(), definition.version(), definition.description(), List.of(),
                versions, List.of(definition.target().id()), workers, workers.size());
    }

    static CatalogEntry evaluator(EvaluatorDefinition definition, List<String> versions, List<String> workers) {
        return new CatalogEntry(definition.name(), definition.version(), definition.description(), List.of(),
                versions, List.of(), workers, workers.size());
    }
}
