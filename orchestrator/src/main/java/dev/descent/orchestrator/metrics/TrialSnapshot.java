package dev.descent.orchestrator.metrics;

import java.util.EnumMap;
import java.util.Map;

import dev.descent.orchestrator.store.TrialState;

/**
 * Trial counts and worker throughput read from the orchestrator's database at one moment.
 *
 * @param trialsByState the number of trials in each state, with every state present
 * @param imagesPerSecondByWorker pretext images per second that each worker last reported, summed over the trials it
 *     is running; workers without a running trial are absent
 */
public record TrialSnapshot(Map<TrialState, Long> trialsByState, Map<String, Double> imagesPerSecondByWorker) {

    /** Returns a snapshot with every count at zero and no workers, for use before the first successful read. */
    public static TrialSnapshot empty() {
        Map<TrialState, Long> zeros = new EnumMap<>(TrialState.class);
        for (TrialState state : TrialState.values()) {
            zeros.put(state, 0L);
        }
        return new TrialSnapshot(Map.copyOf(zeros), Map.of());
    }
}
