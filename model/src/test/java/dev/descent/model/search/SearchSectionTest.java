package dev.descent.model.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.descent.model.spec.ExperimentSpec;
import dev.descent.model.spec.SpecException;
import dev.descent.model.spec.SpecParser;
import dev.descent.model.spec.SpecProblem;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;

/** The {@code search} section: parsing, validation and the plans it expands to. */
class SearchSectionTest {

    private static final String BASE = """
            name: search
            dataset: fashion-mnist
            pretext: [inpainting, denoising]
            losses: [l2, l1, huber]
            seeds: [1, 2]
            training:
              epochs: 1
              pretrain-images: 9000
            """;

    private final SpecParser parser = new SpecParser(500);

    @Test
    void missingSectionMeansGrid() {
        ExperimentSpec spec = parser.parse("grid.yaml", BASE);

        assertEquals(SearchStrategy.GRID, spec.search().strategy());
        assertFalse(spec.force());
        assertEquals(12, spec.trialCount());
        assertEquals(6, SearchPlan.candidates(spec).size());
    }

    @Test
    void ashaRungsDivideTheBudget() {
        ExperimentSpec spec = parser.parse("asha.yaml", BASE + """
                search:
                  strategy: asha
                  reduction-factor: 3
                  rungs: 3
                """);
        Candidate candidate = SearchPlan.candidates(spec).get(0);

        assertEquals(1000, SearchPlan.training(spec, candidate, 0).pretrainImages());
        assertEquals(3000, SearchPlan.training(spec, candidate, 1).pretrainImages());
        assertEquals(9000, SearchPlan.training(spec, candidate, 2).pretrainImages());
        assertEquals(12, SearchPlan.initialTrials(spec).size(), "6 candidates x 2 seeds at rung 0");
        assertEquals(6L * 2 * 9000, SearchPlan.gridTrainingImages(spec));
    }

    @Test
    void epochRungsDivideTheEpochs() {
        ExperimentSpec spec = parser.parse("epochs.yaml", BASE.replace("epochs: 1", "epochs: 4") + """
                search:
                  strategy: successive-halving
                  reduction-factor: 2
                  rungs: 3
                  resource: epochs
                """);
        Candidate candidate = SearchPlan.candidates(spec).get(0);

        TrainingSpec smallest = SearchPlan.training(spec, candidate, 0);
        assertEquals(1, smallest.epochs());
        assertEquals(9000, smallest.pretrainImages());
        assertEquals(4, SearchPlan.training(spec, candidate, 2).epochs());
    }

    @Test
    void randomSamplesAreReproducibleAndInRange() {
        String yaml = BASE + """
                search:
                  strategy: random
                  samples: 8
                  seed: 7
                  parameters:
                    learning-rate: {distribution: log-uniform, min: 0.0001, max: 0.01}
                    loss.delta: {distribution: choice, values: [0.05, 0.5]}
                """;
        List<Candidate> first = SearchPlan.candidates(parser.parse("random.yaml", yaml));
        List<Candidate> again = SearchPlan.candidates(parser.parse("random.yaml", yaml));

        assertEquals(8, first.size());
        assertEquals(first, again, "the same seed draws the same configurations");
        for (Candidate candidate : first) {
            assertTrue(candidate.learningRate() >= 0.0001, candidate.toString());
            assertTrue(candidate.learningRate() < 0.01, candidate.toString());
            if (candidate.loss().startsWith("huber")) {
                assertTrue(candidate.loss().equals("huber(delta=0.05)") || candidate.loss().equals("huber(delta=0.5)"),
                        candidate.loss());
            }
            else {
                assertTrue(candidate.loss().equals("l2") || candidate.loss().equals("l1"), candidate.loss());
            }
        }
        assertEquals(16, SearchPlan.initialTrials(parser.parse("random.yaml", yaml)).size(), "8 samples x 2 seeds");
    }

    @Test
    void sampledTrialsCarryTheirLearningRate() {
        ExperimentSpec spec = parser.parse("random.yaml", BASE + """
                search:
                  strategy: random
                  samples: 3
                  parameters:
                    learning-rate: {distribution: uniform, min: 0.001, max: 0.002}
                """);

        for (Candidate candidate : SearchPlan.candidates(spec)) {
            for (TrialConfig trial : SearchPlan.trials(spec, candidate, 0)) {
                assertEquals(candidate.learningRate(), trial.training().learningRate());
                assertEquals(9000, trial.training().pretrainImages(), "random search trains at the full budget");
            }
        }
    }

    @Test
    void forceIsRead() {
        assertTrue(parser.parse("force.yaml", BASE + "force: true\n").force());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown strategy|search: {strategy: hyperband}|search.strategy|allowed strategies are [grid, random, "
                + "successive-halving, asha]",
        "misspelt strategy|search: {strategy: ashaa}|search.strategy|did you mean 'asha'?",
        "random without samples|search: {strategy: random}|search.samples|random search needs the number",
        "grid with samples|search: {samples: 3}|search.samples|set search.strategy to random or asha",
        "rungs on random|search: {strategy: random, samples: 2, rungs: 3}|search.rungs|only successive-halving and "
                + "asha train in rungs",
        "too many rungs for images|search: {strategy: asha, rungs: 6, reduction-factor: 10}|search.rungs|less than "
                + "one batch",
        "too many rungs for epochs|search: {strategy: asha, resource: epochs}|search.rungs|raise training.epochs",
        "bad resource|search: {strategy: asha, resource: steps}|search.resource|allowed resources are",
        "factor too small|search: {strategy: asha, reduction-factor: 1}|search.reduction-factor|out of range",
        "parameters without samples|search: {strategy: asha, parameters: {learning-rate: {distribution: uniform, "
                + "min: 0.001, max: 0.01}}}|search.parameters|parameters are sampled only when",
        "unknown parameter|search: {strategy: random, samples: 2, parameters: {momentum: {distribution: uniform, "
                + "min: 0.1, max: 0.9}}}|search.parameters.momentum|unknown parameter",
        "log-uniform from zero|search: {strategy: random, samples: 2, parameters: {learning-rate: {distribution: "
                + "log-uniform, min: 0, max: 0.01}}}|search.parameters.learning-rate.min|needs min > 0",
        "min above max|search: {strategy: random, samples: 2, parameters: {learning-rate: {distribution: uniform, "
                + "min: 0.01, max: 0.001}}}|search.parameters.learning-rate.max|must be greater than min",
        "rate out of range|search: {strategy: random, samples: 2, parameters: {learning-rate: {distribution: "
                + "uniform, min: 0.1, max: 2}}}|search.parameters.learning-rate|from 0.0000001 to 1",
        "loss parameter nobody has|search: {strategy: random, samples: 2, parameters: {loss.alpha: {distribution: "
                + "uniform, min: 0.1, max: 0.9}}}|search.parameters.loss.alpha|no listed loss has a parameter 'alpha'",
        "loss parameter out of range|search: {strategy: random, samples: 2, parameters: {loss.delta: {distribution: "
                + "uniform, min: -1, max: 0.5}}}|search.parameters.loss.delta|which loss 'huber' rejects",
        "bad distribution|search: {strategy: random, samples: 2, parameters: {learning-rate: {distribution: normal, "
                + "min: 0.1, max: 0.2}}}|search.parameters.learning-rate.distribution|allowed distributions are",
        "force not boolean|force: yes please|force|must be true",
    })
    void invalidSearchIsRejected(String name, String section, String field, String message) {
        SpecException error = assertThrows(SpecException.class, () -> parser.parse("bad.yaml", BASE + section + "\n"));

        SpecProblem problem = error.problems().stream().filter(p -> p.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no problem for " + field + " in " + error.problems()));
        assertTrue(problem.message().contains(message), problem.message());
        assertTrue(problem.line() >= 9, "the problem names the line of the search section: " + problem);
    }
}
