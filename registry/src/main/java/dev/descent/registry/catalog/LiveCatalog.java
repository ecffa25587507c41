package dev.descent.registry.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.descent.model.message.WorkerCatalog;
import dev.descent.model.spec.EvaluatorDefinition;
import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.LossFunction;
import dev.descent.model.spec.PretextDefinition;

/**
 * The losses, pretext tasks and evaluators that the live workers offer: the union over their catalogs, each entry
 * described by its newest version and listing the workers that offer it. When no worker is live, the built-ins with
 * an empty {@code workers} list.
 */
@ApplicationScoped
public class LiveCatalog {

    @Inject
    WorkerCatalogs catalogs;

    /** Returns the losses: built-ins in declaration order, then plug-ins by name, then the weighted sum. */
    public List<CatalogEntry> losses() {
        List<WorkerCatalog> live = catalogs.live(Instant.now());
        if (live.isEmpty()) {
            return BuiltInCatalog.losses();
        }
        List<CatalogEntry> entries = new ArrayList<>(union(live, WorkerCatalog::losses, LossDefinition::name,
                LossDefinition::version, CatalogEntries::loss, LossFunction.ids()));
        entries.add(CatalogEntries.weightedSum(live.stream().map(WorkerCatalog::workerId).toList()));
        return entries;
    }

    /** Returns the pretext tasks: built-ins in declaration order, then plug-ins by name. */
    public List<CatalogEntry> pretextTasks() {
        List<WorkerCatalog> live = catalogs.live(Instant.now());
        if (live.isEmpty()) {
            return BuiltInCatalog.pretextTasks();
        }
        return union(live, WorkerCatalog::pretextTasks, PretextDefinition::name, PretextDefinition::version,
                CatalogEntries::pretext, BuiltInCatalog.pretextOrder());
    }

    /** Returns the evaluators: built-ins first, then plug-ins by name. */
    public List<CatalogEntry> evaluators() {
        List<WorkerCatalog> live = catalogs.live(Instant.now());
        if (live.isEmpty()) {
            return BuiltInCatalog.evaluators();
        }
        return union(live, WorkerCatalog::evaluators, EvaluatorDefinition::name, EvaluatorDefinition::version,
                CatalogEntries::evaluator, BuiltInCatalog.EVALUATORS.stream().map(EvaluatorDefinition::name).toList());
    }

    /** Builds a catalog entry from the newest definition, every offered version and the offering workers. */
    @FunctionalInterface
    interface EntryFactory<D> {
        CatalogEntry create(D newest, List<String> versions, List<String> workers);
    }

    /** Offers of one name: the newest definition, its versions and the workers. */
    private static final class Offers<D> {
        private D newest;
        private String newestVersion;
        private final TreeSet<String> versions = new TreeSet<>(Versions.OLDEST_FIRST);
        private final TreeSet<String> workers = new TreeSet<>();
    }

    private static <D> List<CatalogEntry> union(List<WorkerCatalog> live, Function<WorkerCatalog, List<D>> definitions,
                                                Function<D, String> name, Function<D, String> version,
                                                EntryFactory<D> factory, List<String> builtInOrder) {
        Map<String, Offers<D>> byName = new LinkedHashMap<>();
        for (WorkerCatalog worker : live) {
            for (D definition : definitions.apply(worker)) {
                Offers<D> offers = byName.computeIfAbsent(name.apply(definition), ignored -> new Offers<>());
                String offered = version.apply(definition);
                if (offers.newest == null || Versions.compare(offered, offers.newestVersion) > 0) {
                    offers.newest = definition;
                    offers.newestVersion = offered;
                }
                offers.versions.add(offered);
                offers.workers.add(worker.workerId());
            }
        }
        Comparator<String> order = Comparator.comparingInt((String entry) -> {
            int index = builtInOrder.indexOf(entry);
            return index < 0 ? builtInOrder.size() : index;
        }).thenComparing(Comparator.naturalOrder());
        return byName.keySet().stream().sorted(order).map(entryName -> {
            Offers<D> offers = byName.get(entryName);
            return factory.create(offers.newest, List.copyOf(offers.versions), List.copyOf(offers.workers));
        }).toList();
    }
}
