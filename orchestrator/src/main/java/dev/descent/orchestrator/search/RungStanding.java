package dev.descent.orchestrator.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.descent.model.search.Candidate;
import dev.descent.orchestrator.store.SearchOutcome;
import dev.descent.orchestrator.store.TrialState;

/**
 * The configurations of one pretext task at one rung, ranked by mean validation accuracy over their seeds.
 *
 * <p>A configuration is complete at a rung when every seed's trial reached a final state: DONE, FAILED after its
 * last attempt, or CANCELLED. Its score is the mean validation accuracy of its DONE seeds; a configuration whose
 * seeds all failed has no score and ranks last. Ties break on the configuration key, so ranking is deterministic.
 */
final class RungStanding {

    private static final Comparator<Entry> BEST_FIRST = Comparator
            .comparing((Entry entry) -> entry.score() == null ? Double.NEGATIVE_INFINITY : entry.score())
            .reversed()
            .thenComparing(entry -> entry.candidate().key());

    private final int present;
    private final List<Entry> completed;

    private RungStanding(int present, List<Entry> completed) {
        this.present = present;
        this.completed = completed;
    }

    /** A configuration that completed the rung. */
    record Entry(Candidate candidate, Double score, int seedsScored) {
    }

    /** Ranks the outcomes, which must all belong to one pretext task and one rung. */
    static RungStanding of(List<SearchOutcome> outcomes, int seeds) {
        Map<Candidate, List<SearchOutcome>> byCandidate = new LinkedHashMap<>();
        for (SearchOutcome outcome : outcomes) {
            byCandidate.computeIfAbsent(outcome.candidate(), key -> new ArrayList<>()).add(outcome);
        }
        List<Entry> completed = new ArrayList<>();
        byCandidate.forEach((candidate, trials) -> {
            boolean complete = trials.size() >= seeds && trials.stream().allMatch(RungStanding::isFinal);
            if (complete) {
                double sum = 0;
                int scored = 0;
                for (SearchOutcome trial : trials) {
                    if (trial.state() == TrialState.DONE && trial.validationAccuracy() != null) {
                        sum += trial.validationAccuracy();
                        scored++;
                    }
                }
                completed.add(new Entry(candidate, scored == 0 ? null : sum / scored, scored));
            }
        });
        completed.sort(BEST_FIRST);
        return new RungStanding(byCandidate.size(), completed);
    }

    private static boolean isFinal(SearchOutcome outcome) {
        return outcome.state() == TrialState.DONE || outcome.state() == TrialState.FAILED
                || outcome.state() == TrialState.CANCELLED;
    }

    /** Returns how many configurations have trials at this rung. */
    int present() {
        return present;
    }

    /** Returns the completed configurations, best first. */
    List<Entry> completed() {
        return completed;
    }

    /** Returns whether every configuration at this rung is complete. */
    boolean allComplete() {
        return completed.size() == present;
    }
}
