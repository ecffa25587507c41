package dev.descent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import dev.descent.cli.stack.Layout;
import dev.descent.cli.stack.LocalStack;
import dev.descent.cli.stack.StackConfig;

/**
 * A loss that is not built in, from the example plug-in's jar dropped into the workers' plug-in folder: the workers
 * announce it, the registry lists it, and a trial trains with it, without a rebuild of the worker. The same run
 * trains the built-in adversarial loss in a weighted sum through the whole stack. The same jar's evaluator plug-in
 * scores every trial next to the built-in probes.
 */
class PluginEndToEndTest {

    private static final String EXPERIMENT = """
            name: plugin-end-to-end
            dataset: fashion-mnist
            pretext: [inpainting]
            losses:
              - {charbonnier: {epsilon: 0.01}}
              - sum: [{l2: 1.0}, {adversarial: 0.001}]
            seeds: [11]
            training:
              epochs: 1
              batch-size: 64
              learning-rate: 0.001
              pretrain-images: 2000
            probe:
              train-images: 2000
              test-images: 1000
              epochs: 5
              knn-k: 20
            """;

    private static LocalStack stack;
    private static DescentClient client;
    private static String experimentId;

    @BeforeAll
    static void runExperiment() throws IOException {
        Path plugins = Path.of(System.getProperty("descent.it.plugins", "target/plugins"));
        try (var jars = Files.list(plugins)) {
            assertTrue(jars.anyMatch(jar -> jar.getFileName().toString().startsWith("descent-example-charbonnier")),
                    "the example plug-in's jar is in " + plugins + "; build examples/charbonnier-loss first");
        }
        Path home = Files.createTempDirectory("descent-plugin-e2e-");
        StackConfig config = new StackConfig(home, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), 1, false).withPluginsDir(plugins);
        stack = new LocalStack(config, Layout.locate());
        stack.start();
        client = new DescentClient(config.orchestratorUrl(), config.registryUrl());
        awaitCatalog();

        experimentId = client.submit("plugin-end-to-end.yaml", EXPERIMENT).path("id").asText();
        new ExperimentWatcher(client, System.out).await(experimentId, Duration.ofMinutes(10), () -> null);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void registryListsThePluginLossWithItsParameter() {
        JsonNode charbonnier = loss("charbonnier");

        assertTrue(charbonnier != null, "charbonnier in GET /api/losses: " + client.losses().toPrettyString());
        Set<String> parameters = new HashSet<>();
        for (JsonNode parameter : charbonnier.path("parameters")) {
            parameters.add(parameter.path("name").asText());
        }
        assertEquals(Set.of("epsilon"), parameters, charbonnier.toPrettyString());
    }

    @Test
    void catalogListsBuiltIns() {
        for (String name : List.of("l2", "l1", "huber", "bce", "binned-ce", "adversarial", "ce")) {
            assertTrue(loss(name) != null, name + " in GET /api/losses");
        }
        Set<String> tasks = new HashSet<>();
        for (JsonNode task : entries(client.pretextTasks())) {
            tasks.add(task.path("name").asText());
        }
        assertTrue(tasks.containsAll(List.of("inpainting", "inpainting-random", "denoising", "denoising-salt-pepper",
                "super-resolution", "colorization", "rotation")), tasks.toString());
    }

    @Test
    void pluginAndAdversarialLossesRanked() {
        JsonNode experiment = client.experiment(experimentId);
        assertEquals(0, experiment.path("failed").asInt(), experiment.toPrettyString());
        assertEquals(experiment.path("total").asInt(), experiment.path("done").asInt(), experiment.toPrettyString());

        Set<String> ranked = new HashSet<>();
        for (JsonNode row : client.leaderboard(experimentId).path("overall")) {
            ranked.add(row.path("loss").asText());
            assertTrue(row.path("mean").asDouble() > 0.3, "above chance: " + row);
        }
        assertEquals(Set.of("charbonnier(epsilon=0.01)", "sum(1.0*l2,0.001*adversarial)"), ranked);
    }

    @Test
    void pluginEvaluatorScoresTrainedTrials() {
        Set<String> scored = new HashSet<>();
        JsonNode report = client.report(experimentId);
        for (JsonNode row : report.path("evaluations")) {
            boolean trained = !row.path("pretext").asText().equals("baseline");
            if (trained && row.path("name").asText().equals("nearest-centroid")) {
                assertTrue(row.path("validationAccuracy").asDouble() > 0.3, "above chance: " + row);
                assertTrue(row.path("testAccuracy").asDouble() > 0.3, "above chance: " + row);
                scored.add(row.path("loss").asText());
            }
        }
        assertEquals(Set.of("charbonnier(epsilon=0.01)", "sum(1.0*l2,0.001*adversarial)"), scored,
                report.path("evaluations").toPrettyString());
    }

    /** Waits until the worker's catalog, with the plug-in, reached the registry. */
    private static void awaitCatalog() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (loss("charbonnier") == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static JsonNode loss(String name) {
        for (JsonNode entry : entries(client.losses())) {
            if (entry.path("name").asText().equals(name)) {
                return entry;
            }
        }
        return null;
    }

    /** Returns the entries of a catalog response, whether it is an array or an object holding one. */
    private static Iterable<JsonNode> entries(JsonNode response) {
        if (response.isArray()) {
            return response;
        }
        for (JsonNode field : response) {
            if (field.isArray()) {
                return field;
            }
        }
        return List.of();
    }
}
