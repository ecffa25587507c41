package dev.descent.orchestrator.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.descent.model.search.Candidate;
import dev.descent.model.search.RungResource;
import dev.descent.model.search.SearchSpec;
import dev.descent.model.search.SearchStrategy;
import dev.descent.orchestrator.store.SearchDecision;
import dev.descent.orchestrator.store.SearchOutcome;
import dev.descent.orchestrator.store.TrialState;

/** Successive halving and ASHA on synthetic validation accuracies. */
class PromotionRuleTest {

    private static final SearchSpec ASHA = search(SearchStrategy.ASHA);
    private static final SearchSpec HALVING = search(SearchStrategy.SUCCESSIVE_HALVING);

    private final List<SearchOutcome> outcomes = new ArrayList<>();
    private final List<SearchDecision> decided = new ArrayList<>();

    @Test
    void ashaPromotesTopThirdBeforeRungCloses() {
        done("a", 0, 0.70);
        done("b", 0, 0.80);
        done("c", 0, 0.75);
        queued("d", 0);
        queued("e", 0);
        queued("f", 0);

        List<ProposedDecision> first = decideAndStore(ASHA);

        assertEquals(1, first.size(), first.toString());
        assertEquals("b", first.get(0).candidate().loss());
        assertEquals(SearchDecision.Action.PROMOTED, first.get(0).action());
        assertEquals(3, first.get(0).completed());
        assertEquals(1, first.get(0).promotable());
        assertEquals(0.80, first.get(0).score(), 1e-12);
    }

    @Test
    void ashaCapsEarlyPromotions() {
        done("a", 0, 0.80);
        done("b", 0, 0.70);
        done("c", 0, 0.75);
        queued("f", 0);
        assertEquals(List.of("a"), losses(decideAndStore(ASHA), SearchDecision.Action.PROMOTED));

        done("d", 0, 0.90);
        done("e", 0, 0.85);
        assertTrue(decideAndStore(ASHA).isEmpty(), "5 completed allow 1 promotion, and a holds it; d must wait");

        outcomes.removeIf(outcome -> outcome.candidate().loss().equals("f"));
        done("f", 0, 0.60);
        List<ProposedDecision> closing = decideAndStore(ASHA);

        assertEquals(List.of("d"), losses(closing, SearchDecision.Action.PROMOTED));
        assertEquals(2, losses(decided, SearchDecision.Action.PROMOTED).size(),
                "a closed rung of 6 promotes floor(6 / 3) configurations in all, as successive halving does");
        assertEquals(List.of("e", "c", "b", "f"), losses(closing, SearchDecision.Action.STOPPED));
    }

    @Test
    void halvingWaitsForRungToClose() {
        done("a", 0, 0.70);
        done("b", 0, 0.80);
        done("c", 0, 0.75);
        queued("d", 0);

        assertTrue(decideAndStore(HALVING).isEmpty());
    }

    @Test
    void closedRungPromotesTopAndStopsRest() {
        double[] scores = {0.70, 0.80, 0.75, 0.60, 0.85, 0.65};
        String[] names = {"a", "b", "c", "d", "e", "f"};
        for (int i = 0; i < names.length; i++) {
            done(names[i], 0, scores[i]);
        }

        List<ProposedDecision> decisions = decideAndStore(HALVING);

        List<String> promoted = losses(decisions, SearchDecision.Action.PROMOTED);
        List<String> stopped = losses(decisions, SearchDecision.Action.STOPPED);
        assertEquals(List.of("e", "b"), promoted);
        assertEquals(List.of("c", "a", "f", "d"), stopped);
        assertEquals(2, decisions.get(0).promotable());
    }

    @Test
    void repeatedCallDecidesNothingNew() {
        for (String name : List.of("a", "b", "c")) {
            done(name, 0, 0.5 + name.charAt(0) / 1000.0);
        }
        assertEquals(3, decideAndStore(ASHA).size());

        assertTrue(decideAndStore(ASHA).isEmpty());
    }

    @Test
    void winnerNamedWhenTopRungCloses() {
        for (String name : List.of("a", "b", "c", "d", "e", "f", "g", "h", "i")) {
            done(name, 0, name.equals("i") ? 0.9 : 0.5);
        }
        decideAndStore(HALVING);
        List<String> rungOne = losses(decided, SearchDecision.Action.PROMOTED);
        assertEquals(3, rungOne.size(), rungOne.toString());
        for (String name : rungOne) {
            done(name, 1, name.equals("a") ? 0.95 : 0.6);
        }
        decideAndStore(HALVING);
        List<String> rungTwo = decided.stream()
                .filter(d -> d.rung() == 1 && d.action() == SearchDecision.Action.PROMOTED)
                .map(d -> d.candidate().loss()).toList();
        assertEquals(1, rungTwo.size(), "max(1, floor(3 / 3)) promoted to the top rung");
        done(rungTwo.get(0), 2, 0.97);

        List<ProposedDecision> last = decideAndStore(HALVING);

        assertEquals(1, last.size(), last.toString());
        assertEquals(SearchDecision.Action.WINNER, last.get(0).action());
        assertEquals(rungTwo.get(0), last.get(0).candidate().loss());
    }

    @Test
    void failedSeedsScoreOnlyFinishedOnes() {
        outcomes.add(new SearchOutcome("t-a1", candidate("a"), 0, 1, TrialState.DONE, 0.9));
        outcomes.add(new SearchOutcome("t-a2", candidate("a"), 0, 2, TrialState.FAILED, null));
        outcomes.add(new SearchOutcome("t-b1", candidate("b"), 0, 1, TrialState.FAILED, null));
        outcomes.add(new SearchOutcome("t-b2", candidate("b"), 0, 2, TrialState.FAILED, null));

        List<ProposedDecision> decisions = PromotionRule.decide(HALVING, 2, outcomes, decided);

        assertEquals(SearchDecision.Action.PROMOTED, decisions.get(0).action());
        assertEquals("a", decisions.get(0).candidate().loss());
        assertEquals(0.9, decisions.get(0).score(), 1e-12);
        assertEquals(SearchDecision.Action.STOPPED, decisions.get(1).action());
        assertNull(decisions.get(1).score(), "a configuration without a finished seed has no score");
    }

    @Test
    void pretextTasksRankSeparately() {
        outcomes.add(new SearchOutcome("t-x", new Candidate("inpainting", "l2", 0.001), 0, 1, TrialState.DONE, 0.6));
        outcomes.add(new SearchOutcome("t-y", new Candidate("denoising", "l1", 0.001), 0, 1, TrialState.DONE, 0.9));

        List<ProposedDecision> decisions = PromotionRule.decide(HALVING, 1, outcomes, decided);

        assertEquals(2, decisions.size(), decisions.toString());
        assertTrue(decisions.stream().allMatch(d -> d.action() == SearchDecision.Action.PROMOTED),
                "each pretext task promotes its own best: " + decisions);
    }

    @Test
    void unfinishedSeedKeepsConfigurationOpen() {
        outcomes.add(new SearchOutcome("t-a1", candidate("a"), 0, 1, TrialState.DONE, 0.9));
        outcomes.add(new SearchOutcome("t-a2", candidate("a"), 0, 2, TrialState.RUNNING, null));

        assertTrue(PromotionRule.decide(ASHA, 2, outcomes, decided).isEmpty());
    }

    private List<ProposedDecision> decideAndStore(SearchSpec search) {
        List<ProposedDecision> proposed = PromotionRule.decide(search, 1, outcomes, decided);
        for (ProposedDecision decision : proposed) {
            decided.add(new SearchDecision(decided.size() + 1, decision.rung(), decision.candidate(),
                    decision.action(), decision.score(), decision.rank(), decision.completed(),
                    decision.promotable(), decision.reason(), Instant.now()));
        }
        return proposed;
    }

    private void done(String loss, int rung, double validation) {
        outcomes.add(new SearchOutcome("t-" + loss + rung, candidate(loss), rung, 1, TrialState.DONE, validation));
    }

    private void queued(String loss, int rung) {
        outcomes.add(new SearchOutcome("t-" + loss + rung, candidate(loss), rung, 1, TrialState.QUEUED, null));
    }

    private static List<String> losses(List<?> decisions, SearchDecision.Action action) {
        List<String> losses = new ArrayList<>();
        for (Object item : decisions) {
            if (item instanceof ProposedDecision d && d.action() == action) {
                losses.add(d.candidate().loss());
            }
            if (item instanceof SearchDecision d && d.action() == action) {
                losses.add(d.candidate().loss());
            }
        }
        return losses;
    }

    private static Candidate candidate(String loss) {
        return new Candidate("inpainting", loss, 0.001);
    }

    private static SearchSpec search(SearchStrategy strategy) {
        return new SearchSpec(strategy, 0, Map.of(), 0, 3, 3, RungResource.PRETRAIN_IMAGES);
    }
}
