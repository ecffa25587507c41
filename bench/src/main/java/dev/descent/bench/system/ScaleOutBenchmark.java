package dev.descent.bench.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

import dev.descent.broker.BrokerConfig;
import dev.descent.broker.BrokerProcess;
import dev.descent.broker.FreePorts;
import dev.descent.broker.KafkaLib;
import dev.descent.broker.TopicSetup;
import dev.descent.cli.stack.Layout;
import dev.descent.cli.stack.LocalStack;
import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialMessage;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.spec.TrainingSpec;
import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialIds;
import dev.descent.worker.kafka.TrialConsumerLoop;
import dev.descent.worker.kafka.TrialPublisher;
import dev.descent.worker.synthetic.SyntheticTrainer;

/**
 * Simulates many workers: {@code workers} threads in this JVM, each with its own consumer in the workers' consumer
 * group running the real {@link TrialConsumerLoop} with the {@link SyntheticTrainer}, drain {@code trials} trials
 * through a real broker into a real registry (a child JVM on H2).
 *
 * <p>The trials topic is created with one partition per worker (at least {@link Topics#TRIAL_PARTITIONS}) before the
 * other topics, because a consumer group gives each partition to one member, so the default 24 partitions would
 * leave all but 24 workers idle. Afterwards it compares the registry's stored results with the published trials
 * (lost, unexpected, wrong accuracy) and counts results published more than once per trial id on
 * {@code descent.results}. Run it with {@code bench/scale-out}.
 */
public final class ScaleOutBenchmark {

    /**
     * Runs the simulation.
     *
     * @param argv {@code key=value} settings: workers, trials, sleep-ms, heap (the registry's on H2, by default
     *     LocalStack's), out
     */
    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, new LinkedHashMap<>(Map.of(
                "workers", "200",
                "trials", "20000",
                "sleep-ms", "1000",
                "heap", LocalStack.EMBEDDED_DATABASE_HEAP,
                "out", "bench/target")));
        int workers = args.integer("workers");
        int trials = args.integer("trials");
        int partitions = Math.max(workers, Topics.TRIAL_PARTITIONS);
        BenchReport report = new BenchReport("scale-out", args.all());
        Path out = Path.of(args.get("out"));
        Path home = out.resolve("scale-out-home").toAbsolutePath();
        // A registry database left by an interrupted run would hold these trial ids already, and link them instead.
        BenchHome.deleteRecursively(home);

        BrokerConfig brokerConfig = new BrokerConfig(home.resolve("kafka"), FreePorts.pick(), FreePorts.pick(),
                KafkaLib.locate(), 1024);
        try (BrokerProcess broker = new BrokerProcess(brokerConfig, true)) {
            broker.start(Duration.ofSeconds(90));
            String bootstrap = brokerConfig.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic(Topics.TRIALS, partitions, (short) 1))).all()
                        .get(60, TimeUnit.SECONDS);
            }
            TopicSetup.ensureTopics(bootstrap);
            System.out.println("Created " + Topics.TRIALS + " with " + partitions + " partitions for " + workers
                    + " simulated workers");

            try (RegistryService registry = new RegistryService(Layout.locate(), home, FreePorts.pick(), bootstrap,
                    args.get("heap"), null)) {
                registry.start(Duration.ofMinutes(3));
                run(report, args, bootstrap, registry, workers, trials, partitions);
            }
        }
        report.write(out);
    }

    private static void run(BenchReport report, Args args, String bootstrap, RegistryService registry, int workers,
                            int trials, int partitions) throws Exception {
        SyntheticTrainer trainer = new SyntheticTrainer(Long.parseLong(args.get("sleep-ms")));
        KafkaProducer<String, String> producer = new KafkaProducer<>(
                KafkaClients.producer(bootstrap, "bench-workers-producer"));
        List<TrialConsumerLoop> loops = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long joinStart = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            String workerId = "sim-worker-" + w;
            TrialConsumerLoop loop = new TrialConsumerLoop(new KafkaConsumer<>(consumerProperties(bootstrap,
                    workerId)), new TrialPublisher(producer, workerId), trainer);
            Thread thread = new Thread(loop, workerId);
            thread.setDaemon(true);
            thread.start();
            loops.add(loop);
            threads.add(thread);
        }
        int active = awaitGroup(bootstrap, workers);
        report.figure("group members with at least one partition", active, workers, true, "workers");
        report.figure("time until every worker joined and got partitions", (System.nanoTime() - joinStart) / 1e9,
                "s");

        String experimentId = "e-scaleout-" + System.currentTimeMillis();
        Map<String, Integer> perPartition = new HashMap<>();
        Set<String> expected = new HashSet<>();
        long start = System.nanoTime();
        try (KafkaProducer<String, String> orchestrator = new KafkaProducer<>(
                KafkaClients.producer(bootstrap, "bench-orchestrator"))) {
            for (int i = 0; i < trials; i++) {
                TrialConfig config = new TrialConfig("fashion-mnist", "conv-ae-v1", i % 2 == 0 ? "inpainting"
                        : "denoising", List.of("l2", "l1", "huber", "bce").get(i / 2 % 4), i / 8 + 1,
                        new TrainingSpec(1, 64, 0.001, 1000), new ProbeSpec(1000, 500, 1, 20));
                String trialId = TrialIds.of(config);
                expected.add(trialId);
                TrialMessage message = new TrialMessage(experimentId, trialId, 1, null, config);
                orchestrator.send(new ProducerRecord<>(Topics.TRIALS, trialId,
                        Json.messages().writeValueAsString(message)), (metadata, e) -> {
                            if (metadata != null) {
                                synchronized (perPartition) {
                                    perPartition.merge(String.valueOf(metadata.partition()), 1, Integer::sum);
                                }
                            }
                        });
            }
            orchestrator.flush();
        }
        double publishSeconds = (System.nanoTime() - start) / 1e9;
        int maxPerPartition = perPartition.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        report.figure("trials published", expected.size(), trials, true, "trials");
        report.figure("publish time of all trials", publishSeconds, "s");
        report.figure("most trials on one partition (mean " + trials / partitions + ")", maxPerPartition,
                "trials");
        report.detail("trials per partition", perPartition);

        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        long stored = 0;
        long lastPrint = 0;
        while (stored < trials && System.nanoTime() < deadline && registry.isAlive()) {
            Thread.sleep(250);
            stored = registry.consumed()[0];
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                System.out.printf("%.0f s: %d of %d stored (load %.2f)%n", (System.nanoTime() - start) / 1e9,
                        stored, trials, LoadAverage.oneMinute());
            }
        }
        double drainSeconds = (System.nanoTime() - start) / 1e9;
        // A worker runs one trial at a time, so the drain takes at least the fullest partition's trials, or each
        // worker's share when there are more partitions than workers, times the sleep.
        double ideal = Math.max(maxPerPartition, Math.ceil((double) trials / workers))
                * Long.parseLong(args.get("sleep-ms")) / 1000.0;
        report.figure("time to drain (first publish to last stored)", drainSeconds, "s");
        report.figure("throughput", stored / drainSeconds, "trials/s");
        report.figure("ideal drain: max(fullest partition, trials per worker) x sleep", ideal, "s");
        report.figure("drain time / ideal", drainSeconds / ideal, "ratio");

        // Let the in-flight commits and events settle, then stop the workers.
        Thread.sleep(3000);
        loops.forEach(TrialConsumerLoop::shutdown);
        for (Thread thread : threads) {
            thread.join(20_000);
        }
        producer.close(Duration.ofSeconds(10));

        long[] consumed = registry.consumed();
        check(report, registry, bootstrap, experimentId, expected, consumed);
    }

    private static void check(BenchReport report, RegistryService registry, String bootstrap, String experimentId,
                              Set<String> expected, long[] consumed) throws Exception {
        Http.Reply reply = Http.get(registry.url() + "/api/experiments/" + experimentId + "/results",
                Duration.ofMinutes(5));
        JsonNode stored = Json.messages().readTree(reply.body());
        JsonNode list = stored.isArray() ? stored : stored.path("results");
        Set<String> storedIds = new HashSet<>();
        int wrongAccuracy = 0;
        int repeatedInRegistry = 0;
        for (JsonNode result : list) {
            String id = result.path("trialId").asText();
            if (!storedIds.add(id)) {
                repeatedInRegistry++;
            }
            if (Math.abs(result.path("linearProbeAccuracy").asDouble() - SyntheticTrainer.linearProbeAccuracy(id))
                    > 1e-12) {
                wrongAccuracy++;
            }
        }
        Set<String> lost = new HashSet<>(expected);
        lost.removeAll(storedIds);
        Set<String> unexpected = new HashSet<>(storedIds);
        unexpected.removeAll(expected);

        Map<String, Integer> publishedPerTrial = countResults(bootstrap);
        long publishedTwice = publishedPerTrial.values().stream().filter(n -> n > 1).count();

        report.figure("registry results for the experiment (GET .../results)", storedIds.size(), expected.size(),
                true, "results");
        report.figure("lost (published trials without a stored result)", lost.size(), 1, false, "trials");
        report.figure("duplicated rows in the registry's answer", repeatedInRegistry, 1, false, "trials");
        report.figure("stored results not among the published trials", unexpected.size(), 1, false, "results");
        report.figure("stored accuracy differs from the synthetic one", wrongAccuracy, 1, false, "results");
        report.figure("trials whose result was published more than once", publishedTwice, "trials");
        report.figure("registry counter stored / duplicate", consumed[0], "results");
        report.figure("registry counter duplicate (redeliveries ignored)", consumed[2], "results");
        report.detail("lost trial ids (first 20)", lost.stream().limit(20).toList());
    }

    /** Reads descent.results from the start and counts records per trial id. */
    private static Map<String, Integer> countResults(String bootstrap) {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(KafkaClients.reader(bootstrap,
                "bench-results-reader"))) {
            List<TopicPartition> partitions = reader.partitionsFor(Topics.RESULTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = reader.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < deadline && partitions.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(500))) {
                    counts.merge(record.key(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /** Waits until the group has the given number of members, each with at least one partition. */
    private static int awaitGroup(String bootstrap, int workers) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int withPartitions = 0;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(Topics.WORKER_GROUP))
                        .all().get(30, TimeUnit.SECONDS).get(Topics.WORKER_GROUP);
                withPartitions = 0;
                for (MemberDescription member : group.members()) {
                    if (!member.assignment().topicPartitions().isEmpty()) {
                        withPartitions++;
                    }
                }
                System.out.printf("group %s: %d members, %d with partitions, state %s%n", Topics.WORKER_GROUP,
                        group.members().size(), withPartitions, group.groupState());
                if (withPartitions >= workers) {
                    return withPartitions;
                }
                Thread.sleep(2000);
            }
        }
        return withPartitions;
    }

    /** Returns the worker's consumer settings, copied from {@code WorkerMain.consumerProperties}. */
    private static Properties consumerProperties(String bootstrap, String workerId) {
        Properties properties = KafkaClients.reader(bootstrap, "descent-worker-" + workerId);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, Topics.WORKER_GROUP);
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "500");
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000");
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        return properties;
    }
}
