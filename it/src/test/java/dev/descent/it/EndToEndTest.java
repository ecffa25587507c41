package dev.descent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.broker.FreePorts;
import dev.descent.cli.client.DescentClient;
import dev.descent.cli.client.ExperimentWatcher;
import dev.descent.cli.render.LeaderboardTable;
import dev.descent.cli.stack.Layout;
import dev.descent.cli.stack.LocalStack;
import dev.descent.cli.stack.StackConfig;
import dev.descent.model.spec.ExperimentSpec;
import dev.descent.model.spec.SpecParser;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.Baseline;
import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialExpander;
import dev.descent.model.trial.TrialIds;

/**
 * Runs a tiny experiment through the real stack: a Kafka broker, the registry and the orchestrator on H2, and one
 * worker training on Fashion-MNIST.
 */
class EndToEndTest {

    /** 2 pretext tasks x 2 losses x 1 seed, at the smallest scale where training still beats no training. */
    private static final String EXPERIMENT = """
            name: end-to-end
            dataset: fashion-mnist
            pretext: [inpainting, denoising]
            losses: [l2, l1]
            seeds: [11]
            training:
              epochs: 1
              batch-size: 64
              learning-rate: 0.001
              pretrain-images: 4000
            probe:
              train-images: 4000
              test-images: 1000
              epochs: 10
              knn-k: 20
            """;

    private static LocalStack stack;
    private static DescentClient client;
    private static String experimentId;

    @BeforeAll
    static void runExperiment() throws IOException {
        Path home = Files.createTempDirectory("descent-e2e-");
        StackConfig config = new StackConfig(home, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), 1, false);
        stack = new LocalStack(config, Layout.locate());
        stack.start();
        client = new DescentClient(config.orchestratorUrl(), config.registryUrl());

        JsonNode submitted = client.submit("end-to-end.yaml", EXPERIMENT);
        experimentId = submitted.path("id").asText();
        new ExperimentWatcher(client, System.out).await(experimentId, Duration.ofMinutes(15), () -> null);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyTrialFinishes() {
        JsonNode experiment = client.experiment(experimentId);

        // 4 grid trials and, for the one seed, the raw-pixels, random-encoder and supervised baselines.
        assertEquals(7, experiment.path("total").asInt());
        assertEquals(7, experiment.path("done").asInt(), experiment.toPrettyString());
        assertEquals(0, experiment.path("failed").asInt(), experiment.toPrettyString());
    }

    @Test
    void everyLossIsRankedAboveChance() {
        JsonNode leaderboard = client.leaderboard(experimentId);
        System.out.println(LeaderboardTable.format(leaderboard));

        assertEquals(Set.of("l2", "l1"), new HashSet<>(LeaderboardTable.overallOrder(leaderboard)));
        for (JsonNode group : leaderboard.path("byPretext")) {
            Set<String> losses = new HashSet<>();
            for (JsonNode row : group.path("rows")) {
                losses.add(row.path("loss").asText());
                double accuracy = row.path("mean").asDouble();
                assertTrue(accuracy > 0.10, group.path("pretext") + "/" + row.path("loss") + " at chance: " + accuracy);
            }
            assertEquals(Set.of("l2", "l1"), losses, "losses ranked for " + group.path("pretext"));
        }
        assertEquals(2, leaderboard.path("byPretext").size());
    }

    @Test
    void baselinesAppearWithGains() {
        JsonNode leaderboard = client.leaderboard(experimentId);

        List<String> baselines = new ArrayList<>();
        for (JsonNode row : leaderboard.path("baselines")) {
            baselines.add(row.path("baseline").asText());
            assertEquals(1, row.path("n").asInt(), row.toString());
            assertTrue(row.path("mean").asDouble() > 0.5, "baseline above chance: " + row);
        }
        assertEquals(List.of("raw-pixels", "random-encoder", "supervised"), baselines);
        JsonNode random = leaderboard.path("baselines").get(1);
        for (JsonNode row : leaderboard.path("overall")) {
            double expectedGain = row.path("mean").asDouble() - random.path("mean").asDouble();
            assertEquals(expectedGain, row.path("gainOverRandom").asDouble(), 1e-9, row.toString());
            assertTrue(row.path("beatsRandom").isNull(), "one seed per pretext cannot decide: " + row);
        }
    }

    @Test
    void overallRankingIsSortedByMeanAccuracy() {
        JsonNode overall = client.leaderboard(experimentId).path("overall");

        assertEquals(1, overall.get(0).path("rank").asInt());
        assertTrue(overall.get(0).path("mean").asDouble() >= overall.get(1).path("mean").asDouble());
        assertEquals(2, overall.get(0).path("n").asInt(), "each loss ran on 2 pretext tasks x 1 seed");
    }

    @Test
    void trainedEncoderBeatsUntrainedEncoder() {
        double trained = 0;
        double untrained = 0;
        List<String> ids = trialIds();
        for (String id : ids) {
            JsonNode trial = client.trial(id);
            trained += trial.path("linearProbeAccuracy").asDouble();
            untrained += trial.path("randomEncoderLinearProbeAccuracy").asDouble();
        }
        trained /= ids.size();
        untrained /= ids.size();
        System.out.printf("mean linear probe: trained %.4f, untrained %.4f%n", trained, untrained);

        assertTrue(trained > untrained, "trained " + trained + " should beat untrained " + untrained);
    }

    @Test
    void trialEndpointShowsWhoRanIt() {
        JsonNode trial = client.trial(trialIds().get(0));

        assertEquals("worker-1", trial.path("workerId").asText());
        assertTrue(trial.path("backend").asText().contains("CPU"), trial.path("backend").asText());
        assertTrue(trial.path("imagesPerSecond").asDouble() > 0);
        assertTrue(trial.path("wallSeconds").asDouble() > 0);
    }

    /**
     * Runs successive halving on the same stack after the grid: 2 losses at 1,000 images, the better one by
     * validation accuracy again at 2,000. The baselines without a training budget share their config with the grid's
     * and are reused, not trained again.
     */
    @Test
    void ashaDecidesOnValidationAccuracy() {
        String yaml = EXPERIMENT.replace("name: end-to-end", "name: end-to-end-asha")
                .replace("pretext: [inpainting, denoising]", "pretext: [inpainting]")
                .replace("pretrain-images: 4000", "pretrain-images: 2000")
                + "search: {strategy: asha, reduction-factor: 2, rungs: 2}\n";
        String id = client.submit("end-to-end-asha.yaml", yaml).path("id").asText();
        JsonNode finished = new ExperimentWatcher(client, System.out).await(id, Duration.ofMinutes(10), () -> null);
        assertEquals(0, finished.path("failed").asInt(), finished.toPrettyString());

        JsonNode decisions = client.decisions(id);
        System.out.println(decisions.toPrettyString());
        List<String> actions = new ArrayList<>();
        decisions.path("decisions").forEach(decision -> actions.add(decision.path("action").asText()));
        assertEquals(List.of("PROMOTED", "STOPPED", "WINNER"), actions);

        // Each decision's score is the validation accuracy the worker reported, never the test accuracy.
        ExperimentSpec spec = new SpecParser(100).parse("end-to-end-asha.yaml", yaml);
        for (JsonNode decision : decisions.path("decisions")) {
            int rung = decision.path("rung").asInt();
            TrainingSpec training = new TrainingSpec(1, 64, 0.001, rung == 0 ? 1000 : 2000);
            TrialConfig config = new TrialConfig("fashion-mnist", TrialExpander.ENCODER, "inpainting",
                    decision.path("loss").asText(), 11, training, spec.probe());
            JsonNode result = client.trial(TrialIds.of(config));
            double validation = result.path("validationLinearProbeAccuracy").asDouble(Double.NaN);
            assertEquals(validation, decision.path("score").asDouble(), 1e-9, result.toPrettyString());
            assertTrue(validation != result.path("linearProbeAccuracy").asDouble(),
                    "validation and test accuracy coincide, so the test cannot tell them apart: " + result);
        }
        assertEquals(2L * 1000 + 2000, decisions.path("trainingImagesSpent").asLong());
        assertEquals(2L * 2000, decisions.path("gridTrainingImages").asLong());

        // The raw-pixel and random-encoder baselines were reused from the grid experiment and linked in the registry.
        Set<String> linked = new HashSet<>();
        client.experimentResults(id).path("results").forEach(result -> linked.add(result.path("trialId").asText()));
        for (Baseline baseline : List.of(Baseline.RAW_PIXELS, Baseline.RANDOM_ENCODER)) {
            String trialId = TrialIds.of(baseline.config(spec, 11));
            assertTrue(linked.contains(trialId), baseline + " trial " + trialId + " missing from " + linked);
        }
    }

    /** Derives the experiment's trial ids independently of the orchestrator, from the spec. */
    private static List<String> trialIds() {
        ExperimentSpec spec = new SpecParser(100).parse("end-to-end.yaml", EXPERIMENT);
        return TrialExpander.expand(spec).stream().map(TrialIds::of).toList();
    }
}
