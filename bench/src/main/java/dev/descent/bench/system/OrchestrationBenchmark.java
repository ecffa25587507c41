package dev.descent.bench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import dev.descent.broker.FreePorts;
import dev.descent.cli.stack.Layout;
import dev.descent.cli.stack.LocalStack;
import dev.descent.cli.stack.StackConfig;
import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialEvent;
import dev.descent.model.message.TrialResult;

/**
 * Measures the time Descent adds around training: the real stack as {@code descent run} starts it (broker, registry
 * and orchestrator on H2, one worker JVM), one small real experiment, and a reader of {@code descent.trial-events}
 * and {@code descent.results} that records when each trial started, first reported progress and finished, and a
 * poller that records when {@code GET /api/trials/{id}} first returns each result. Run it with
 * {@code bench/orchestration-overhead}.
 */
public final class OrchestrationBenchmark {

    private static final double OVERHEAD_TARGET = 0.01;

    /** The small experiment that {@code experiment=small} selects: 5 trials of 2,000 pretraining images. */
    private static final String SMALL_EXPERIMENT = """
            name: orchestration-overhead
            dataset:
              name: fashion-mnist
            pretext: [inpainting, denoising]
            losses: [l2]
            seeds: [1]
            training:
              epochs: 1
              batch-size: 64
              pretrain-images: 2000
            probe:
              train-images: 2000
              test-images: 500
              epochs: 5
              knn-k: 20
            """;

    /**
     * Submitted first when {@code warmup=true}, so that the measured submission meets a warm orchestrator, registry
     * and worker, as in a long-running deployment. Its seed keeps its trials apart from the measured ones.
     */
    private static final String WARMUP_EXPERIMENT = """
            name: orchestration-warmup
            dataset:
              name: fashion-mnist
            pretext: [denoising]
            losses: [l1]
            seeds: [99]
            training:
              epochs: 1
              batch-size: 64
              pretrain-images: 500
            probe:
              train-images: 500
              test-images: 200
              epochs: 1
              knn-k: 5
            """;

    private final Map<String, Instant> started = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstProgress = new ConcurrentHashMap<>();
    private final Map<String, TrialResult> results = new ConcurrentHashMap<>();
    private final Map<String, Instant> resultSeen = new ConcurrentHashMap<>();
    private final Map<String, Instant> visible = new ConcurrentHashMap<>();

    /**
     * Runs the benchmark.
     *
     * @param argv {@code key=value} settings: out (the report folder), experiment (a spec file, or {@code small}
     *             for the built-in 5-trial experiment; default {@code experiments/quickstart.yaml}) and warmup
     *             ({@code true} to submit and finish a 4-trial experiment first; default {@code true})
     */
    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, new LinkedHashMap<>(Map.of("out", "bench/target",
                "experiment", "experiments/quickstart.yaml", "warmup", "true")));
        new OrchestrationBenchmark().run(args);
    }

    private void run(Args args) throws Exception {
        String experiment = args.get("experiment").equals("small") ? SMALL_EXPERIMENT
                : Files.readString(Path.of(args.get("experiment")));
        boolean warmup = Boolean.parseBoolean(args.get("warmup"));
        Map<String, Object> settings = args.all();
        settings.put("experimentSpec", experiment);
        BenchReport report = new BenchReport("orchestration-overhead", settings);
        Path home = Path.of(args.get("out"), "orchestration-home").toAbsolutePath();
        BenchHome.deleteRecursively(home);
        StackConfig config = new StackConfig(home, FreePorts.pick(), FreePorts.pick(), FreePorts.pick(),
                FreePorts.pick(), 1, false);
        AtomicBoolean reading = new AtomicBoolean(true);
        try (LocalStack stack = new LocalStack(config, Layout.locate())) {
            stack.start();
            Thread reader = new Thread(() -> read(config.bootstrapServers(), reading), "event-reader");
            reader.start();
            Thread poller = new Thread(() -> poll(config.registryUrl(), reading), "registry-poller");
            poller.start();
            // Give the worker time to join its group, so the first trial measures dispatch, not worker start-up.
            awaitWorkerReady(stack);

            if (warmup) {
                Submission first = submit(config, WARMUP_EXPERIMENT);
                awaitVisible(first.trialIds());
                report.figure("cold: POST /api/experiments round trip (warm-up, first request)",
                        millis(first.submitted(), first.accepted()), "ms");
                report.figure("cold: submit -> first trial STARTED (warm-up)",
                        millis(first.submitted(), firstStart(first.trialIds())), "ms");
            }
            Submission measured = submit(config, experiment);
            awaitVisible(measured.trialIds());
            reading.set(false);
            reader.join();
            poller.join();
            summarise(report, measured.submitted(), measured.accepted(), measured.trialIds());
        }
        report.write(Path.of(args.get("out")));
    }

    /** One accepted submission: when it was sent, when the reply came and its trial ids. */
    private record Submission(Instant submitted, Instant accepted, List<String> trialIds) {
    }

    private static Submission submit(StackConfig config, String spec) throws IOException, InterruptedException {
        Instant submitted = Instant.now();
        Http.Reply reply = Http.post(config.orchestratorUrl() + "/api/experiments?source=bench.yaml",
                "application/yaml", spec, Duration.ofSeconds(60));
        Instant accepted = Instant.now();
        if (reply.status() != 201) {
            throw new IllegalStateException("POST /api/experiments returned status " + reply.status() + ": "
                    + reply.body());
        }
        JsonNode experiment = Json.messages().readTree(reply.body());
        List<String> trialIds = new ArrayList<>();
        experiment.path("trials").forEach(trial -> trialIds.add(trial.path("trialId").asText()));
        System.out.println("Submitted " + experiment.path("id").asText() + " with " + trialIds.size() + " trials");
        return new Submission(submitted, accepted, trialIds);
    }

    private void awaitVisible(List<String> trialIds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (!visible.keySet().containsAll(trialIds) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        if (!visible.keySet().containsAll(trialIds)) {
            throw new IllegalStateException("not every trial of the experiment was visible in the registry within "
                    + "30 min; see the logs under bench/target/orchestration-home/logs");
        }
    }

    private Instant firstStart(List<String> trialIds) {
        return trialIds.stream().map(started::get).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElseThrow();
    }

    private void summarise(BenchReport report, Instant submitted, Instant accepted, List<String> trialIds) {
        report.figure("POST /api/experiments round trip", millis(submitted, accepted), "ms");
        Instant firstStart = firstStart(trialIds);
        Instant firstProgressAt = trialIds.stream().map(firstProgress::get).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        double dispatch = millis(submitted, firstStart);
        report.figure("(a) submit -> first trial STARTED", dispatch, "ms");
        if (firstProgressAt != null) {
            report.figure("(a) submit -> first PROGRESS event (data load, untrained probe, >= 2 s throttle)",
                    millis(submitted, firstProgressAt), "ms");
        }
        // With one worker the trials run one after another: the gap between a result and the next STARTED is
        // the time the worker spends between trials (commit, resume, poll).
        List<String> byStart = new ArrayList<>(trialIds);
        byStart.removeIf(id -> !started.containsKey(id));
        byStart.sort(Comparator.comparing(started::get));
        Latencies gaps = new Latencies();
        Latencies visibility = new Latencies();
        double wall = 0;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < byStart.size(); i++) {
            String id = byStart.get(i);
            TrialResult result = results.get(id);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("trialId", id);
            row.put("started", started.get(id).toString());
            if (result != null) {
                wall += result.wallSeconds();
                row.put("wallSeconds", result.wallSeconds());
                row.put("finishedAt", result.finishedAt().toString());
                // When this benchmark's own reader got the result: separates broker delivery from the registry.
                row.put("finishedAtToBenchReaderMs", millis(result.finishedAt(), resultSeen.get(id)));
                if (visible.containsKey(id)) {
                    double latency = millis(result.finishedAt(), visible.get(id));
                    visibility.add(latency);
                    row.put("finishedAtToRegistryMs", latency);
                }
                if (i + 1 < byStart.size()) {
                    double gap = millis(result.finishedAt(), started.get(byStart.get(i + 1)));
                    gaps.add(gap);
                    row.put("finishedAtToNextStartedMs", gap);
                }
            }
            rows.add(row);
        }
        report.detail("trials", rows);
        report.figure("(b) result finishedAt -> GET /api/trials/{id} returns it, p50", visibility.percentile(50),
                "ms");
        report.figure("(b) result finishedAt -> GET /api/trials/{id} returns it, max", visibility.percentile(100),
                "ms");
        report.figure("worker gap: result finishedAt -> next trial STARTED, p50", gaps.percentile(50), "ms");
        long finished = trialIds.stream().filter(results::containsKey).count();
        double meanWallMillis = 1000 * wall / Math.max(1, finished);
        report.figure("mean trial wall time (TrialResult.wallSeconds)", meanWallMillis, "ms");
        double perTrial = dispatch + visibility.percentile(50);
        report.figure("(c) (submit->first STARTED + p50 visibility) / mean wall time", perTrial
                / meanWallMillis, OVERHEAD_TARGET, false, "fraction");
        // The experiment ends when its last trial's result is visible. Earlier results become visible while later
        // trials train, so their visibility adds nothing to the experiment's time.
        String lastTrial = byStart.isEmpty() ? null : byStart.get(byStart.size() - 1);
        double lastVisibility = lastTrial != null && results.containsKey(lastTrial) && visible.containsKey(lastTrial)
                ? millis(results.get(lastTrial).finishedAt(), visible.get(lastTrial)) : visibility.percentile(100);
        report.figure("(b) last trial's result finishedAt -> GET returns it", lastVisibility, "ms");
        double total = dispatch + sum(gaps) + lastVisibility;
        report.figure("(c) whole experiment: (dispatch + gaps + last visibility) / sum of wall times",
                total / (1000 * wall), OVERHEAD_TARGET, false, "fraction");
        // Cross-check from the clock alone: the experiment's elapsed time beyond the sum of its trials' wall times.
        Instant lastVisible = trialIds.stream().map(visible::get).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(submitted);
        report.figure("(c) cross-check: (submit -> last result visible - sum of wall times) / sum of wall times",
                (millis(submitted, lastVisible) - 1000 * wall) / (1000 * wall), "fraction");
        report.figure("trials measured", finished, trialIds.size(), true, "trials");
    }

    private static double sum(Latencies latencies) {
        double total = 0;
        Map<String, Object> summary = latencies.summary();
        if (latencies.count() > 0) {
            total = ((Number) summary.get("mean_ms")).doubleValue() * latencies.count();
        }
        return total;
    }

    /** Reads events and results from the start of both topics until {@code reading} turns false. */
    private void read(String bootstrap, AtomicBoolean reading) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                KafkaClients.reader(bootstrap, "bench-event-reader"))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.TRIAL_EVENTS, Topics.RESULTS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (reading.get()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                    handle(record);
                }
            }
        }
    }

    private void handle(ConsumerRecord<String, String> record) {
        try {
            if (record.topic().equals(Topics.RESULTS)) {
                TrialResult result = Json.messages().readValue(record.value(), TrialResult.class);
                results.putIfAbsent(result.trialId(), result);
                resultSeen.putIfAbsent(result.trialId(), Instant.now());
                return;
            }
            TrialEvent event = Json.messages().readValue(record.value(), TrialEvent.class);
            switch (event.type()) {
                case STARTED -> started.putIfAbsent(event.trialId(), event.at());
                case PROGRESS -> firstProgress.putIfAbsent(event.trialId(), event.at());
                default -> {
                }
            }
        }
        catch (IOException e) {
            System.out.println("Unreadable record on " + record.topic() + ": " + e.getMessage());
        }
    }

    /** Polls the registry every 5 ms for each result seen on the topic but not yet visible. */
    private void poll(String registryUrl, AtomicBoolean reading) {
        while (reading.get()) {
            for (String id : resultSeen.keySet()) {
                if (visible.containsKey(id)) {
                    continue;
                }
                try {
                    if (Http.get(registryUrl + "/api/trials/" + id, Duration.ofSeconds(10)).status() == 200) {
                        visible.put(id, Instant.now());
                    }
                }
                catch (IOException e) {
                    System.out.println("GET /api/trials/" + id + " failed: " + e);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            try {
                Thread.sleep(5);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits until the worker logs its first partition assignment. */
    private static void awaitWorkerReady(LocalStack stack) throws InterruptedException, IOException {
        Path log = stack.workers().get(0).logFile();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(" assigned [")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the worker did not get partitions within 3 min; see " + log);
    }

    private static double millis(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e6;
    }
}
