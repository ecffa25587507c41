package dev.descent.worker.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.descent.model.message.DeadLetterHeaders;
import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialEvent;
import dev.descent.model.message.TrialMessage;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;
import dev.descent.worker.trial.TrialCancelledException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Dead-letter records, cancellation and heartbeats of {@link TrialConsumerLoop}, with mock Kafka clients. */
class TrialConsumerLoopFaultTest {

    private static final TopicPartition PARTITION = new TopicPartition(Topics.TRIALS, 0);

    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    private final MockProducer<String, String> producer =
            new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
    private final Set<String> cancelledExperiments = ConcurrentHashMap.newKeySet();
    private Thread thread;
    private TrialConsumerLoop loop;

    @AfterEach
    void stop() throws InterruptedException {
        if (loop != null) {
            loop.shutdown();
            thread.join(5_000);
            assertFalse(thread.isAlive(), "loop did not stop");
        }
    }

    private static TrialMessage message(String experimentId, String trialId) {
        TrialConfig config = new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting", "l2", 1,
                new TrainingSpec(1, 64, 1e-3, 640), new ProbeSpec(100, 50, 1, 5));
        return new TrialMessage(experimentId, trialId, 1, null, config);
    }

    private static String json(Object value) throws Exception {
        return Json.messages().writeValueAsString(value);
    }

    @SafeVarargs
    private void start(TrialExecutor executor, ConsumerRecord<String, String>... records) {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            for (ConsumerRecord<String, String> record : records) {
                consumer.addRecord(record);
            }
        });
        loop = new TrialConsumerLoop(consumer, new TrialPublisher(producer, "worker-test"), executor,
                cancelledExperiments::contains);
        thread = new Thread(loop, "loop-under-test");
        thread.start();
    }

    private long committedOffset() {
        OffsetAndMetadata committed = consumer.committed(Set.of(PARTITION)).get(PARTITION);
        return committed == null ? -1 : committed.offset();
    }

    private void awaitCommitted(long offset) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (committedOffset() < offset && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(offset, committedOffset());
    }

    private List<TrialEvent> events() throws Exception {
        List<TrialEvent> events = new ArrayList<>();
        for (ProducerRecord<String, String> record : producer.history()) {
            if (record.topic().equals(Topics.TRIAL_EVENTS)) {
                events.add(Json.messages().readValue(record.value(), TrialEvent.class));
            }
        }
        return events;
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void poisonRecordsGoToDeadLetterTopic() throws Exception {
        TrialMessage noConfig = new TrialMessage("exp-1", "t-x", 1, null, null);
        start((message, listener, cancelled) -> {
            throw new AssertionError("no trial should run");
        },
                new ConsumerRecord<>(Topics.TRIALS, 0, 0L, "bad", "{not json"),
                new ConsumerRecord<>(Topics.TRIALS, 0, 1L, "t-x", json(noConfig)),
                new ConsumerRecord<>(Topics.TRIALS, 0, 2L, "empty", null));

        awaitCommitted(3);

        List<ProducerRecord<String, String>> dead = producer.history().stream()
                .filter(record -> record.topic().equals(Topics.DEAD_LETTER)).toList();
        assertEquals(3, dead.size());
        assertEquals("{not json", dead.get(0).value());
        assertTrue(header(dead.get(0), DeadLetterHeaders.REASON).startsWith("invalid JSON"),
                header(dead.get(0), DeadLetterHeaders.REASON));
        assertEquals(Topics.TRIALS, header(dead.get(0), DeadLetterHeaders.SOURCE_TOPIC));
        assertEquals("0", header(dead.get(0), DeadLetterHeaders.SOURCE_PARTITION));
        assertEquals("0", header(dead.get(0), DeadLetterHeaders.SOURCE_OFFSET));
        assertEquals("worker-test", header(dead.get(0), DeadLetterHeaders.CONSUMER));
        assertEquals("config is missing", header(dead.get(1), DeadLetterHeaders.REASON));
        assertEquals("1", header(dead.get(1), DeadLetterHeaders.SOURCE_OFFSET));
        assertEquals("the value is empty", header(dead.get(2), DeadLetterHeaders.REASON));
        assertTrue(thread.isAlive(), "loop ended after poison records");
    }

    @Test
    void queuedTrialOfCancelledExperimentIsSkipped() throws Exception {
        cancelledExperiments.add("exp-cancelled");
        List<String> ran = new ArrayList<>();
        start((message, listener, cancelled) -> {
            ran.add(message.trialId());
            throw new IllegalStateException("stop here");
        },
                new ConsumerRecord<>(Topics.TRIALS, 0, 0L, "t-1", json(message("exp-cancelled", "t-1"))),
                new ConsumerRecord<>(Topics.TRIALS, 0, 1L, "t-2", json(message("exp-live", "t-2"))));

        awaitCommitted(2);

        assertEquals(List.of("t-2"), ran);
        TrialEvent first = events().get(0);
        assertEquals(TrialEvent.Type.CANCELLED, first.type());
        assertEquals("t-1", first.trialId());
    }

    @Test
    void runningTrialStopsWhenExperimentIsCancelled() throws Exception {
        CountDownLatch training = new CountDownLatch(1);
        start((message, listener, cancelled) -> {
            training.countDown();
            awaitTrue(cancelled);
            throw new TrialCancelledException(message.trialId());
        }, new ConsumerRecord<>(Topics.TRIALS, 0, 0L, "t-3", json(message("exp-2", "t-3"))));
        assertTrue(training.await(10, TimeUnit.SECONDS), "trial never started");

        cancelledExperiments.add("exp-2");

        awaitCommitted(1);
        List<TrialEvent.Type> types = events().stream().map(TrialEvent::type).toList();
        assertEquals(TrialEvent.Type.CANCELLED, types.get(types.size() - 1), types.toString());
        assertTrue(producer.history().stream().noneMatch(record -> record.topic().equals(Topics.RESULTS)));
    }

    @Test
    void longTrialSendsHeartbeats() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        start((message, listener, cancelled) -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("done waiting");
        }, new ConsumerRecord<>(Topics.TRIALS, 0, 0L, "t-4", json(message("exp-3", "t-4"))));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(12);
        long heartbeats = 0;
        while (heartbeats < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
            heartbeats = events().stream().filter(event -> event.type() == TrialEvent.Type.HEARTBEAT).count();
        }
        release.countDown();
        assertTrue(heartbeats >= 2, "expected 2 heartbeats in 12 s, got " + heartbeats);
        TrialEvent heartbeat = events().stream().filter(event -> event.type() == TrialEvent.Type.HEARTBEAT)
                .findFirst().orElseThrow();
        assertNotNull(heartbeat.at());
        assertEquals("exp-3", heartbeat.experimentId());
        assertEquals(1, heartbeat.attempt());
    }

    private static void awaitTrue(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
