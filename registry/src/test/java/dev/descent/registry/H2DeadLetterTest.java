package dev.descent.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.descent.model.message.DeadLetterHeaders;
import dev.descent.model.message.Topics;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Invalid result records end on the dead-letter topic with the reason and their origin. */
@QuarkusTest
@WithTestResource(BrokerResource.class)
class H2DeadLetterTest {

    @Test
    void invalidResultsGoToDeadLetterTopic() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String marker = "t-dead-" + UUID.randomUUID();
        try (ResultPublisher publisher = new ResultPublisher(bootstrap)) {
            publisher.sendRaw(marker, "this is not JSON {");
            publisher.sendRaw(marker, "[1, 2, 3]");
            publisher.sendRaw(marker, null);
        }

        List<ConsumerRecord<String, String>> dead = readDeadLetters(bootstrap, marker, 3, Duration.ofSeconds(60));

        assertEquals(3, dead.size(), "dead letters for " + marker);
        assertEquals("this is not JSON {", dead.get(0).value());
        for (ConsumerRecord<String, String> record : dead) {
            assertTrue(!header(record, DeadLetterHeaders.REASON).isBlank(), "reason header");
            assertEquals(Topics.RESULTS, header(record, DeadLetterHeaders.SOURCE_TOPIC));
            assertEquals("0", header(record, DeadLetterHeaders.SOURCE_PARTITION));
            assertEquals("registry", header(record, DeadLetterHeaders.CONSUMER));
        }
        long first = Long.parseLong(header(dead.get(0), DeadLetterHeaders.SOURCE_OFFSET));
        assertEquals(first + 1, Long.parseLong(header(dead.get(1), DeadLetterHeaders.SOURCE_OFFSET)));
    }

    private static List<ConsumerRecord<String, String>> readDeadLetters(String bootstrap, String key, int expected,
                                                                       Duration timeout) {
        Map<String, Object> settings = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> matching = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.DEAD_LETTER, Duration.ofSeconds(10))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matching.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        matching.add(record);
                    }
                }
            }
        }
        return matching;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
