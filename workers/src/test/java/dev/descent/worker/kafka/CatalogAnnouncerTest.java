package dev.descent.worker.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import dev.descent.broker.BrokerProcess;
import dev.descent.broker.TestBroker;
import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;
import dev.descent.model.message.WorkerCatalog;
import dev.descent.model.spec.LossDefinition;
import dev.descent.model.spec.LossParameter;
import dev.descent.model.spec.PretextDefinition;
import dev.descent.model.spec.TargetKind;
import dev.descent.worker.plugin.Plugins;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalog announcer against a real broker: an announcement at start, repeats, and a tombstone at stop. */
class CatalogAnnouncerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static BrokerProcess broker;

    @BeforeAll
    static void startBroker() {
        broker = TestBroker.startFresh();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void catalogRoundTripsThroughJson() throws Exception {
        LossDefinition plugIn = new LossDefinition("charbonnier", "1.0", "Charbonnier loss per pixel.",
                List.of(new LossParameter("epsilon", "the smoothing constant", 1e-3, 1e-6, 0.1),
                        LossParameter.wholeNumber("power", "an exponent", 2, 1, 4)),
                Set.of(TargetKind.IMAGE, TargetKind.CLASS));
        WorkerCatalog builtIns = Plugins.catalog("w-json", "host-json", 30);
        List<LossDefinition> losses = new ArrayList<>(builtIns.losses());
        losses.add(plugIn);
        WorkerCatalog catalog = new WorkerCatalog("w-json", "host-json", Instant.parse("2026-12-04T10:15:30.123456Z"),
                30, losses, List.of(new PretextDefinition("jigsaw", "0.3", "Jigsaw puzzle.", TargetKind.CLASS, true)),
                builtIns.evaluators(), builtIns.datasets());

        String json = Json.messages().writeValueAsString(catalog);
        WorkerCatalog read = Json.messages().readValue(json, WorkerCatalog.class);

        assertEquals(catalog, read, json);
        assertTrue(json.contains("\"announcedAt\":\"2026-12-04T10:15:30.123456Z\""), json);
    }

    @Test
    void announcesAtStartRepeatsAndWithdrawsAtStop() throws Exception {
        String workerId = "worker-announcer-test";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings())) {
            CatalogAnnouncer announcer = new CatalogAnnouncer(producer, workerId, "test-host", 1);
            Instant before = Instant.now();
            announcer.start();

            // start() returns once the broker acknowledged the first announcement.
            List<ConsumerRecord<String, String>> first = read(records -> countFor(records, workerId) >= 1,
                    Duration.ofSeconds(5));
            ConsumerRecord<String, String> announcement = lastFor(first, workerId);
            assertNotNull(announcement, "no announcement for " + workerId + " after start()");
            assertNotNull(announcement.value(), "the first record must be a catalog, not a tombstone");
            WorkerCatalog catalog = Json.messages().readValue(announcement.value(), WorkerCatalog.class);
            assertEquals(workerId, catalog.workerId());
            assertEquals("test-host", catalog.host());
            assertEquals(1, catalog.intervalSeconds());
            assertTrue(!catalog.announcedAt().isBefore(before.minusSeconds(1)), "announcedAt " + catalog.announcedAt());
            assertEquals(Plugins.catalog(workerId, "test-host", 1).losses(), catalog.losses());
            assertTrue(catalog.pretextTasks().stream().anyMatch(task -> task.name().equals("inpainting")),
                    "pretext tasks " + catalog.pretextTasks());
            assertTrue(catalog.datasets().contains("fashion-mnist"), "datasets " + catalog.datasets());

            List<ConsumerRecord<String, String>> repeated = read(records -> countFor(records, workerId) >= 3, WAIT);
            assertTrue(countFor(repeated, workerId) >= 3, "expected repeats every second, got "
                    + countFor(repeated, workerId) + " records");

            announcer.stop();
            List<ConsumerRecord<String, String>> afterStop = read(records -> {
                ConsumerRecord<String, String> last = lastFor(records, workerId);
                return last != null && last.value() == null;
            }, WAIT);
            ConsumerRecord<String, String> tombstone = lastFor(afterStop, workerId);
            assertNotNull(tombstone);
            assertNull(tombstone.value(), "the last record after stop() must be a tombstone");

            // No announcement follows the tombstone.
            Thread.sleep(2_500);
            List<ConsumerRecord<String, String>> later = read(records -> false, Duration.ofSeconds(2));
            assertNull(lastFor(later, workerId).value(), "an announcement followed the tombstone");
        }
    }

    private static Map<String, Object> producerSettings() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.config().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all");
    }

    /** Reads the catalog topic from the start until the records satisfy {@code done}, or the timeout passes. */
    private static List<ConsumerRecord<String, String>> read(Predicate<List<ConsumerRecord<String, String>>> done,
                                                             Duration timeout) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.config().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            TopicPartition partition = new TopicPartition(Topics.WORKER_CATALOGS, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.test(records) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static long countFor(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(record -> key.equals(record.key())).count();
    }

    private static ConsumerRecord<String, String> lastFor(List<ConsumerRecord<String, String>> records, String key) {
        ConsumerRecord<String, String> last = null;
        for (ConsumerRecord<String, String> record : records) {
            if (key.equals(record.key())) {
                last = record;
            }
        }
        return last;
    }
}
