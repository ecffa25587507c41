package dev.descent.registry.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import dev.descent.registry.store.LinkOutcome;
import dev.descent.registry.store.StoreOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Counts the results that this registry instance consumed, by their effect on the database:
 * {@code descent_results_stored_total{outcome="stored"}} for new results, {@code linked} for a known result
 * delivered for another experiment, and {@code duplicate} for a redelivery; and the result links by effect:
 * {@code descent_result_links_stored_total{outcome="linked"}} or {@code duplicate}.
 */
@ApplicationScoped
public class ResultMetrics {

    private final Map<StoreOutcome, Counter> counters = new EnumMap<>(StoreOutcome.class);
    private final Map<LinkOutcome, Counter> linkCounters = new EnumMap<>(LinkOutcome.class);

    @Inject
    ResultMetrics(MeterRegistry registry) {
        for (StoreOutcome outcome : StoreOutcome.values()) {
            counters.put(outcome, Counter.builder("descent.results.stored")
                    .description("Results consumed from descent.results, by their effect on the database")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        for (LinkOutcome outcome : LinkOutcome.values()) {
            linkCounters.put(outcome, Counter.builder("descent.result.links.stored")
                    .description("Result links consumed from descent.result-links, by their effect on the database")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    /** Counts one consumed result. */
    public void record(StoreOutcome outcome) {
        counters.get(outcome).increment();
    }

    /** Counts one consumed result link. */
    public void recordLink(LinkOutcome outcome) {
        linkCounters.get(outcome).increment();
    }
}
