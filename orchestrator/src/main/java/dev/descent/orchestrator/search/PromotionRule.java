package dev.descent.orchestrator.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.descent.model.search.Candidate;
import dev.descent.model.search.SearchSpec;
import dev.descent.model.search.SearchStrategy;
import dev.descent.orchestrator.store.SearchDecision;
import dev.descent.orchestrator.store.SearchOutcome;

/**
 * Decides promotions and stops for successive halving, separately for each pretext task, from validation accuracies
 * only: the outcomes it reads carry no test-split figure.
 *
 * <p>For each rung below the top, with eta the reduction factor:
 * <ul>
 *   <li>ASHA promotes, whenever a configuration completes the rung, the best configurations in the top
 *       floor(completed / eta) that are not promoted yet, while fewer than floor(completed / eta) are promoted. The
 *       cap keeps a rung from promoting more than successive halving would when the order changes as more
 *       configurations finish: a configuration promoted early stays promoted, and a later leader waits for a free
 *       place or for the rung to close.</li>
 *   <li>Once the rung is closed (the rung below is closed and every configuration at this rung is complete), both
 *       strategies promote the best configurations until max(1, floor(present / eta)) are promoted, and stop the
 *       rest.</li>
 * </ul>
 * At the top rung, once it is closed, the best configuration is the pretext task's winner.
 *
 * <p>The rule is a pure function of the outcomes and the decisions stored so far, so repeating it proposes nothing
 * twice, and it resumes after an orchestrator restart.
 */
public final class PromotionRule {

    private PromotionRule() {
    }

    /** Returns the decisions to add, in the order they were reached. */
    public static List<ProposedDecision> decide(SearchSpec search, int seeds, List<SearchOutcome> outcomes,
                                                List<SearchDecision> decided) {
        Map<String, List<SearchOutcome>> byPretext = new TreeMap<>();
        for (SearchOutcome outcome : outcomes) {
            byPretext.computeIfAbsent(outcome.candidate().pretext(), key -> new ArrayList<>()).add(outcome);
        }
        List<ProposedDecision> proposed = new ArrayList<>();
        byPretext.forEach((pretext, bracket) -> proposed.addAll(decideBracket(search, seeds, bracket,
                decided.stream().filter(decision -> decision.candidate().pretext().equals(pretext)).toList())));
        return proposed;
    }

    private static List<ProposedDecision> decideBracket(SearchSpec search, int seeds, List<SearchOutcome> bracket,
                                                        List<SearchDecision> decided) {
        List<ProposedDecision> proposed = new ArrayList<>();
        int top = search.rungCount() - 1;
        boolean belowClosed = true;
        for (int rung = 0; rung <= top; rung++) {
            int current = rung;
            RungStanding standing = RungStanding.of(bracket.stream().filter(o -> o.rung() == current).toList(), seeds);
            boolean closed = belowClosed && standing.present() > 0 && standing.allComplete();
            Set<Candidate> promoted = candidates(decided, rung, SearchDecision.Action.PROMOTED);
            Set<Candidate> stopped = candidates(decided, rung, SearchDecision.Action.STOPPED);
            if (rung == top) {
                if (closed && candidates(decided, rung, SearchDecision.Action.WINNER).isEmpty()) {
                    winner(standing, rung).ifPresent(proposed::add);
                }
                break;
            }

            List<RungStanding.Entry> ranked = standing.completed();
            if (search.strategy() == SearchStrategy.ASHA) {
                int allowed = ranked.size() / search.reductionFactor();
                for (int i = 0; i < allowed && promoted.size() < allowed; i++) {
                    RungStanding.Entry entry = ranked.get(i);
                    if (entry.score() != null && promoted.add(entry.candidate())) {
                        proposed.add(promotion(search, rung, entry, i + 1, ranked.size(), allowed, "ASHA"));
                    }
                }
            }
            if (closed) {
                int target = Math.max(1, standing.present() / search.reductionFactor());
                for (int i = 0; i < ranked.size() && promoted.size() < target; i++) {
                    RungStanding.Entry entry = ranked.get(i);
                    if (entry.score() != null && promoted.add(entry.candidate())) {
                        proposed.add(promotion(search, rung, entry, i + 1, ranked.size(), target, "rung closed"));
                    }
                }
                for (int i = 0; i < ranked.size(); i++) {
                    RungStanding.Entry entry = ranked.get(i);
                    if (!promoted.contains(entry.candidate()) && stopped.add(entry.candidate())) {
                        proposed.add(stop(rung, entry, i + 1, ranked.size(), target));
                    }
                }
            }
            belowClosed = closed;
        }
        return proposed;
    }

    private static Set<Candidate> candidates(List<SearchDecision> decided, int rung, SearchDecision.Action action) {
        Set<Candidate> candidates = new HashSet<>();
        for (SearchDecision decision : decided) {
            if (decision.rung() == rung && decision.action() == action) {
                candidates.add(decision.candidate());
            }
        }
        return candidates;
    }

    private static ProposedDecision promotion(SearchSpec search, int rung, RungStanding.Entry entry, int rank,
                                              int completed, int allowed, String trigger) {
        String reason = String.format(Locale.ROOT, "%s: rank %d of %d configurations completed at rung %d with mean "
                        + "validation accuracy %.4f over %d seeds; the top %d move to rung %d with %dx the budget",
                trigger, rank, completed, rung, entry.score(), entry.seedsScored(), allowed, rung + 1,
                search.reductionFactor());
        return new ProposedDecision(rung, entry.candidate(), SearchDecision.Action.PROMOTED, entry.score(), rank,
                completed, allowed, reason);
    }

    private static ProposedDecision stop(int rung, RungStanding.Entry entry, int rank, int completed, int target) {
        String score = entry.score() == null ? "no finished seed"
                : String.format(Locale.ROOT, "mean validation accuracy %.4f over %d seeds", entry.score(),
                        entry.seedsScored());
        String reason = String.format(Locale.ROOT, "rung %d closed: rank %d of %d with %s, outside the %d promoted",
                rung, rank, completed, score, target);
        return new ProposedDecision(rung, entry.candidate(), SearchDecision.Action.STOPPED, entry.score(), rank,
                completed, target, reason);
    }

    private static Optional<ProposedDecision> winner(RungStanding standing, int rung) {
        if (standing.completed().isEmpty() || standing.completed().get(0).score() == null) {
            return Optional.empty();
        }
        RungStanding.Entry best = standing.completed().get(0);
        String reason = String.format(Locale.ROOT, "top rung %d closed: best of %d with mean validation accuracy %.4f "
                + "over %d seeds", rung, standing.completed().size(), best.score(), best.seedsScored());
        return Optional.of(new ProposedDecision(rung, best.candidate(), SearchDecision.Action.WINNER,
                best.score(), 1, standing.completed().size(), 1, reason));
    }
}
