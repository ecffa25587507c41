package dev.descent.orchestrator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialEvent;
import dev.descent.orchestrator.support.H2MetricsProfile;
import dev.descent.orchestrator.support.KafkaClients;
import dev.descent.orchestrator.support.KafkaClients.KeyedValue;
import dev.descent.orchestrator.support.YamlRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** The orchestrator's OpenAPI document, health checks and Prometheus gauges, with a real broker and H2. */
@QuarkusTest
@TestProfile(H2MetricsProfile.class)
class ObservabilityTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** 1 pretext task x 2 losses x 2 seeds = 4 trials. */
    private static final String GRID = """
            name: metrics
            dataset: fashion-mnist
            pretext: [inpainting]
            losses: [l2, l1]
            seeds: [1, 2]
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void openApiListsEndpoints() {
        JsonPath document = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> paths = document.getMap("paths");
        assertTrue(paths.containsKey("/api/experiments"), "paths: " + paths.keySet());
        assertTrue(paths.containsKey("/api/experiments/{id}"), "paths: " + paths.keySet());
        Map<String, Object> experiments = document.getMap("paths.'/api/experiments'");
        assertTrue(experiments.containsKey("post"), "operations: " + experiments.keySet());
        assertTrue(experiments.containsKey("get"), "operations: " + experiments.keySet());
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void readinessCoversKafkaAndDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Kafka connection health check"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsFollowTrialEvents() {
        JsonPath submitted = YamlRequests.post("application/yaml", GRID).then().statusCode(201).extract().jsonPath();
        String id = submitted.getString("id");
        List<String> trials = submitted.getList("trials.trialId");
        assertEquals(4, trials.size());

        awaitMetric("descent_trials{state=\"queued\"}", 4);
        awaitMetric("descent_trials_consumer_lag{group=\"descent-workers\",topic=\"descent.trials\"}", 4);

        KafkaClients.sendEvents(bootstrapServers, List.of(
                event(id, trials.get(0), TrialEvent.Type.PROGRESS, "worker-a", 250.5),
                event(id, trials.get(1), TrialEvent.Type.PROGRESS, "worker-b", 99.0),
                event(id, trials.get(2), TrialEvent.Type.STARTED, "worker-c", Double.NaN),
                event(id, trials.get(2), TrialEvent.Type.DONE, "worker-c", 80.0),
                event(id, trials.get(3), TrialEvent.Type.STARTED, "worker-c", Double.NaN),
                event(id, trials.get(3), TrialEvent.Type.FAILED, "worker-c", Double.NaN)));

        awaitMetric("descent_trials{state=\"failed\"}", 1);
        assertEquals(0.0, metric("descent_trials{state=\"queued\"}").orElseThrow());
        assertEquals(2.0, metric("descent_trials{state=\"running\"}").orElseThrow());
        assertEquals(1.0, metric("descent_trials{state=\"done\"}").orElseThrow());
        assertEquals(0.0, metric("descent_trials{state=\"retrying\"}").orElseThrow());
        assertEquals(0.0, metric("descent_trials{state=\"cancelled\"}").orElseThrow());
        assertEquals(250.5, metric("descent_worker_images_per_second{worker=\"worker-a\"}").orElseThrow());
        assertEquals(99.0, metric("descent_worker_images_per_second{worker=\"worker-b\"}").orElseThrow());
        assertEquals(OptionalDouble.empty(), metric("descent_worker_images_per_second{worker=\"worker-c\"}"),
                "worker-c runs no trial, so it has no throughput series");

        commitOneTrialRecordAsWorker();
        awaitMetric("descent_trials_consumer_lag{group=\"descent-workers\",topic=\"descent.trials\"}", 3);
    }

    private static KeyedValue event(String experimentId, String trialId, TrialEvent.Type type, String worker,
                                    double imagesPerSecond) {
        TrialEvent event = new TrialEvent(experimentId, trialId, 1, type, worker, Instant.now(), 100, 1000, 0.1,
                imagesPerSecond, type == TrialEvent.Type.FAILED ? "out of memory" : null);
        return new KeyedValue(trialId, KafkaClients.json(event));
    }

    /** Reads one trial record and commits its offset in the workers' group, as a worker does after a trial. */
    private void commitOneTrialRecordAsWorker() {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, Topics.WORKER_GROUP,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo partition : consumer.partitionsFor(Topics.TRIALS, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(Topics.TRIALS, partition.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                    return;
                }
            }
        }
        fail("no record arrived on " + Topics.TRIALS + " within " + WAIT.toSeconds() + " s");
    }

    private static void awaitMetric(String series, double expected) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        OptionalDouble value = OptionalDouble.empty();
        while (System.nanoTime() < deadline) {
            value = metric(series);
            if (value.isPresent() && value.getAsDouble() == expected) {
                return;
            }
            try {
                Thread.sleep(100);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
        fail(series + " did not reach " + expected + " within " + WAIT.toSeconds() + " s; last value " + value);
    }

    /** Returns the value of one series in the Prometheus text at {@code /q/metrics}, if present. */
    private static OptionalDouble metric(String series) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return line.find() ? OptionalDouble.of(Double.parseDouble(line.group(1))) : OptionalDouble.empty();
    }
}
