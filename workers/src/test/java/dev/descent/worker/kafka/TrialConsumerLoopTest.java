package dev.descent.worker.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import dev.descent.model.message.EvaluatorScore;
import dev.descent.model.message.Json;
import dev.descent.model.message.LossPoint;
import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialEvent;
import dev.descent.model.message.TrialMessage;
import dev.descent.model.message.TrialResult;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;
import dev.descent.worker.trial.TrialCancelledException;
import dev.descent.worker.trial.TrialOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrialConsumerLoopTest {

    private static final TopicPartition PARTITION = new TopicPartition(Topics.TRIALS, 0);
    private static final TrialOutcome OUTCOME = new TrialOutcome(0.8, 0.79, 0.7, 0.69, 0.02, 500, 10, 5,
            "CPU (test)", List.of(new LossPoint(1_000, 0.05), new LossPoint(2_000, 0.02)), 0.81, 0.78);

    private final MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
    private final MockProducer<String, String> producer =
            new MockProducer<>(true, null, new StringSerializer(), new StringSerializer());
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

    private static TrialMessage message(String trialId) {
        TrialConfig config = new TrialConfig("fashion-mnist", "conv-ae-v1", "inpainting", "l2", 1,
                new TrainingSpec(1, 64, 1e-3, 640), new ProbeSpec(100, 50, 1, 5));
        return new TrialMessage("exp-1", trialId, 1, null, config);
    }

    private static String json(Object value) throws Exception {
        return Json.messages().writeValueAsString(value);
    }

    private void start(TrialExecutor executor, ConsumerRecord<String, String>... records) {
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(PARTITION));
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            for (ConsumerRecord<String, String> record : records) {
                consumer.addRecord(record);
            }
        });
        loop = new TrialConsumerLoop(consumer, new TrialPublisher(producer, "worker-test"), executor);
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

    private List<TrialEvent.Type> eventTypes() throws Exception {
        List<TrialEvent.Type> types = new java.util.ArrayList<>();
        for (ProducerRecord<String, String> record : producer.history()) {
            if (record.topic().equals(Topics.TRIAL_EVENTS)) {
                types.add(Json.messages().readValue(record.value(), TrialEvent.class).type());
            }
        }
        return types;
    }

    @Test
    void skipsUnparseableRecordThenPublishesAndCommits() throws Exception {
        start((message, listener, cancelled) -> {
            listener.onEvaluating();
            return OUTCOME;
        },
                new ConsumerRecord<>(Topics.TRIALS, 0, 0L, "bad", "{not json"),
                new ConsumerRecord<>(Topics.TRIALS, 0, 1L, "t-1", json(message("t-1"))));

        awaitCommitted(2);

        List<ProducerRecord<String, String>> results = producer.history().stream()
                .filter(record -> record.topic().equals(Topics.RESULTS)).toList();
        assertEquals(1, results.size());
        assertEquals("t-1", results.get(0).key());
        TrialResult result = Json.messages().readValue(results.get(0).value(), TrialResult.class);
        assertEquals(0.8, result.linearProbeAccuracy());
        assertEquals(0.7, result.randomEncoderLinearProbeAccuracy());
        assertEquals("worker-test", result.workerId());
        assertEquals("exp-1", result.experimentId());
        assertEquals(OUTCOME.lossCurve(), result.lossCurve());
        assertEquals(0.81, result.validationLinearProbeAccuracy());
        assertEquals(0.78, result.validationKnnAccuracy());
        assertEquals(List.of(TrialEvent.Type.STARTED, TrialEvent.Type.EVALUATING, TrialEvent.Type.DONE),
                eventTypes());
        TrialEvent done = null;
        for (ProducerRecord<String, String> record : producer.history()) {
            if (record.topic().equals(Topics.TRIAL_EVENTS)) {
                TrialEvent event = Json.messages().readValue(record.value(), TrialEvent.class);
                done = event.type() == TrialEvent.Type.DONE ? event : done;
            }
        }
        assertEquals(0.81, done.validationAccuracy(), "DONE carries the linear probe's validation accuracy");
    }

    @Test
    void resultCarriesEvaluatorScores() throws Exception {
        List<EvaluatorScore> evaluations = List.of(new EvaluatorScore("nearest-centroid", "1.0", 0.66, 0.64),
                new EvaluatorScore("broken", "0.1", null, null));
        TrialOutcome outcome = new TrialOutcome(0.8, 0.79, 0.7, 0.69, 0.02, 500, 10, 5, "CPU (test)", List.of(),
                0.81, 0.78, null, evaluations);
        start((message, listener, cancelled) -> outcome,
                new ConsumerRecord<>(Topics.TRIALS, 0, 0L, "t-2", json(message("t-2"))));

        awaitCommitted(1);

        ProducerRecord<String, String> published = producer.history().stream()
                .filter(record -> record.topic().equals(Topics.RESULTS)).findFirst().orElseThrow();
        assertEquals(evaluations, Json.messages().readValue(published.value(), TrialResult.class).evaluations());
    }

    @Test
    void failedTrialPublishesErrorAndCommits() throws Exception {
        start((message, listener, cancelled) -> {
            throw new IllegalArgumentException("unknown pretext task 'jigsaw'");
        }, new ConsumerRecord<>(Topics.TRIALS, 0, 0L, "t-2", json(message("t-2"))));

        awaitCommitted(1);

        TrialEvent failed = null;
        for (ProducerRecord<String, String> record : producer.history()) {
            TrialEvent event = Json.messages().readValue(record.value(), TrialEvent.class);
            if (event.type() == TrialEvent.Type.FAILED) {
                failed = event;
            }
        }
        assertTrue(failed != null, "no FAILED event in " + producer.history());
        assertEquals("unknown pretext task 'jigsaw'", failed.error());
        assertTrue(producer.history().stream().noneMatch(record -> record.topic().equals(Topics.RESULTS)));
    }

    @Test
    void revokedPartitionCancelsTrialWithoutCommit() throws Exception {
        CountDownLatch training = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        start((message, listener, cancelled) -> {
            training.countDown();
            awaitCancel(cancelled);
            stopped.countDown();
            throw new TrialCancelledException(message.trialId());
        }, new ConsumerRecord<>(Topics.TRIALS, 0, 0L, "t-3", json(message("t-3"))));

        assertTrue(training.await(10, TimeUnit.SECONDS), "trial never started");
        assertTrue(consumer.paused().contains(PARTITION), "partition not paused during the trial");
        consumer.schedulePollTask(() -> consumer.rebalance(List.of()));

        assertTrue(stopped.await(10, TimeUnit.SECONDS), "trial was not cancelled");
        Thread.sleep(500);
        assertEquals(-1, committedOffset());
        assertTrue(producer.history().stream().noneMatch(record -> record.topic().equals(Topics.RESULTS)));
        assertTrue(thread.isAlive(), "loop ended after the rebalance");
    }

    @Test
    void shutdownAbandonsRunningTrial() throws Exception {
        CountDownLatch training = new CountDownLatch(1);
        start((message, listener, cancelled) -> {
            training.countDown();
            awaitCancel(cancelled);
            throw new TrialCancelledException(message.trialId());
        }, new ConsumerRecord<>(Topics.TRIALS, 0, 0L, "t-4", json(message("t-4"))));
        assertTrue(training.await(10, TimeUnit.SECONDS), "trial never started");

        assertEquals(-1, committedOffset());
        loop.shutdown();
        thread.join(5_000);

        assertFalse(thread.isAlive());
        assertTrue(consumer.closed());
        assertTrue(producer.history().stream().noneMatch(record -> record.topic().equals(Topics.RESULTS)));
    }

    private static void awaitCancel(BooleanSupplier cancelled) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!cancelled.getAsBoolean() && System.nanoTime() < deadline) {
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
