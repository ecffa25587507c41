package dev.descent.orchestrator.catalog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.descent.model.message.WorkerCatalog;
import dev.descent.model.spec.BasicLoss;
import dev.descent.model.spec.ExperimentSpec;
import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.LossSpec;
import dev.descent.model.spec.LossSpecs;
import dev.descent.model.spec.PretextDefinition;
import dev.descent.model.spec.WeightedLossSum;
import dev.descent.model.spec.WeightedTerm;
import dev.descent.orchestrator.api.ProblemException;

/**
 * Checks a parsed experiment against the live workers' catalogs: for every (pretext task, loss) pair, one live
 * worker must offer the pretext task, every loss the pair names (each term of a weighted sum) and the dataset format.
 */
@ApplicationScoped
public class WorkerCapabilities {

    private static final Logger LOG = Logger.getLogger(WorkerCapabilities.class);

    @Inject
    WorkerCatalogBook book;

    /**
     * Checks an experiment.
     *
     * @param source the file name, for the message
     * @return the number of live workers; 0 means nothing was checked and the trials wait for a worker
     * @throws ProblemException with status 422 when workers are live but none of them can run some pair
     */
    public int check(String source, ExperimentSpec spec) {
        List<WorkerCatalog> live = book.live(Instant.now());
        if (live.isEmpty()) {
            return 0;
        }
        String dataset = spec.dataset().name();
        List<Map<String, Object>> unsupported = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        for (String pretext : spec.pretextTasks()) {
            for (String loss : spec.losses()) {
                List<String> lossNames = termNames(loss);
                if (live.stream().anyMatch(worker -> runs(worker, pretext, lossNames, dataset))) {
                    continue;
                }
                List<String> notOffered = notOffered(live, pretext, lossNames, dataset);
                missing.addAll(notOffered);
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("pretext", pretext);
                pair.put("loss", loss);
                pair.put("missing", notOffered);
                unsupported.add(pair);
            }
        }
        if (unsupported.isEmpty()) {
            return live.size();
        }
        String detail = detail(source, dataset, unsupported, missing, live);
        LOG.infof("Rejected experiment %s (%s): %s", spec.name(), source, detail);
        throw new ProblemException(422, "no-capable-worker", "No live worker can run the experiment", detail)
                .with("source", source)
                .with("missing", List.copyOf(missing))
                .with("unsupported", unsupported)
                .with("workers", live.stream().map(WorkerCapabilities::offer).toList());
    }

    /** Returns the names of the losses in a canonical loss string: one, or each term of a weighted sum. */
    static List<String> termNames(String canonicalLoss) {
        LossSpec loss = LossSpecs.parseCanonical(canonicalLoss);
        if (loss instanceof BasicLoss basic) {
            return List.of(basic.function().name());
        }
        return ((WeightedLossSum) loss).terms().stream().map(WeightedTerm::loss)
                .map(term -> term.function().name()).toList();
    }

    private static boolean runs(WorkerCatalog worker, String pretext, List<String> lossNames, String dataset) {
        return pretextNames(worker).contains(pretext) && lossNames(worker).containsAll(lossNames)
                && worker.datasets().contains(dataset);
    }

    /**
     * Returns what no live worker offers, such as {@code loss charbonnier}; empty when each part is offered by some
     * worker but no single worker offers all of them.
     */
    private static List<String> notOffered(List<WorkerCatalog> live, String pretext, List<String> lossNames,
                                           String dataset) {
        List<String> parts = new ArrayList<>();
        if (live.stream().noneMatch(worker -> pretextNames(worker).contains(pretext))) {
            parts.add("pretext task " + pretext);
        }
        for (String loss : lossNames) {
            if (live.stream().noneMatch(worker -> lossNames(worker).contains(loss))) {
                parts.add("loss " + loss);
            }
        }
        if (live.stream().noneMatch(worker -> worker.datasets().contains(dataset))) {
            parts.add("dataset format " + dataset);
        }
        return parts;
    }

    private static String detail(String source, String dataset, List<Map<String, Object>> unsupported,
                                 Set<String> missing, List<WorkerCatalog> live) {
        StringBuilder detail = new StringBuilder(source).append(": no live worker can run ")
                .append(unsupported.size()).append(unsupported.size() == 1 ? " pair" : " pairs")
                .append(" of pretext task and loss on dataset ").append(dataset).append(':');
        for (Map<String, Object> pair : unsupported) {
            List<?> parts = (List<?>) pair.get("missing");
            detail.append("\n- ").append(pair.get("pretext")).append(" with ").append(pair.get("loss")).append(": ")
                    .append(parts.isEmpty() ? "each part is offered by some worker, but no single worker offers all"
                            : "no live worker offers " + String.join(", ", parts.stream().map(String::valueOf)
                            .toList()));
        }
        detail.append("\nLive workers:");
        for (WorkerCatalog worker : live) {
            detail.append("\n- ").append(worker.workerId()).append(" on ").append(worker.host())
                    .append(": losses ").append(lossNames(worker))
                    .append(", pretext tasks ").append(pretextNames(worker))
                    .append(", datasets ").append(worker.datasets());
        }
        detail.append("\nStart a worker with the plug-in jar that provides ");
        detail.append(missing.isEmpty() ? "these names" : String.join(", ", missing));
        detail.append(" in its plug-ins folder (descent.worker.plugins-dir), or remove them from the experiment.");
        return detail.toString();
    }

    private static Map<String, Object> offer(WorkerCatalog worker) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("workerId", worker.workerId());
        offer.put("host", worker.host());
        offer.put("losses", lossNames(worker));
        offer.put("pretextTasks", pretextNames(worker));
        offer.put("datasets", worker.datasets());
        return offer;
    }

    private static List<String> lossNames(WorkerCatalog worker) {
        return worker.losses().stream().map(LossDefinition::name).toList();
    }

    private static List<String> pretextNames(WorkerCatalog worker) {
        return worker.pretextTasks().stream().map(PretextDefinition::name).toList();
    }
}
