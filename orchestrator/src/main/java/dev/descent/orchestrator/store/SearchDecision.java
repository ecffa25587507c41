package dev.descent.orchestrator.store;

import java.time.Instant;

import dev.descent.model.search.Candidate;

/**
 * A decision of successive halving, with the numbers behind it.
 *
 * @param sequence the decision's position in the experiment, from 1
 * @param rung the rung the decision was made at
 * @param candidate the configuration it concerns
 * @param action what was decided
 * @param score the configuration's mean validation accuracy over its seeds at the rung, or {@code null} when none of
 *        its seeds finished
 * @param rank the configuration's rank among the configurations completed at the rung, from 1
 * @param completed how many configurations had completed the rung
 * @param promotable how many of them the rule allowed to promote at that moment
 * @param reason the rule's explanation in words
 * @param decidedAt when it was decided
 */
public record SearchDecision(int sequence, int rung, Candidate candidate, Action action, Double score, int rank,
                             int completed, int promotable, String reason, Instant decidedAt) {

    /** The outcome of a successive-halving decision about a configuration at a rung. */
    public enum Action {

        /** The configuration trains again at the next rung with eta times the budget. */
        PROMOTED,

        /** The configuration stops at this rung. */
        STOPPED,

        /** The configuration is the best of its pretext task at the top rung. */
        WINNER
    }
}
