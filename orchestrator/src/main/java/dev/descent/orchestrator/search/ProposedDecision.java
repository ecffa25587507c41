package dev.descent.orchestrator.search;

import dev.descent.model.search.Candidate;
import dev.descent.orchestrator.store.SearchDecision;

/**
 * A decision that {@link PromotionRule} proposes, before the driver numbers and stores it.
 *
 * @param rung the rung it is made at
 * @param candidate the configuration it concerns
 * @param action what is decided
 * @param score the configuration's mean validation accuracy at the rung, or {@code null}
 * @param rank the configuration's rank among the completed configurations at the rung, from 1
 * @param completed how many configurations had completed the rung
 * @param promotable how many the rule allowed to promote
 * @param reason the rule's explanation in words
 */
public record ProposedDecision(int rung, Candidate candidate, SearchDecision.Action action, Double score, int rank,
                               int completed, int promotable, String reason) {
}
