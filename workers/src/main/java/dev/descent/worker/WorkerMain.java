package dev.descent.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialMessage;
import dev.descent.model.spec.DatasetFormat;
import dev.descent.worker.backend.Backend;
import dev.descent.worker.data.Datasets;
import dev.descent.worker.kafka.CancelledExperiments;
import dev.descent.worker.kafka.CatalogAnnouncer;
import dev.descent.worker.kafka.TrialConsumerLoop;
import dev.descent.worker.kafka.TrialExecutor;
import dev.descent.worker.kafka.TrialPublisher;
import dev.descent.worker.metrics.MetricsPort;
import dev.descent.worker.metrics.MetricsServer;
import dev.descent.worker.metrics.WorkerMetrics;
import dev.descent.worker.plugin.Plugins;
import dev.descent.worker.synthetic.SyntheticTrainer;
import dev.descent.worker.trial.TrialRunner;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a worker: joins the {@value Topics#WORKER_GROUP} consumer group and runs trials until SIGTERM or SIGINT.
 *
 * <p>Settings come from system properties or environment variables; see {@link WorkerConfig}.
 */
public final class WorkerMain {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerMain.class);
    private static final long SHUTDOWN_WAIT_MILLIS = 15_000;

    private WorkerMain() {
    }

    /**
     * Runs the worker until the process receives SIGTERM or SIGINT.
     *
     * @param args ignored; configure with system properties or environment variables
     */
    public static void main(String[] args) throws InterruptedException {
        WorkerConfig config = WorkerConfig.fromEnvironment();
        LOG.info("Worker {} starting; Kafka bootstrap servers {}", config.workerId(), config.bootstrapServers());
        String backend = Backend.initialise();
        LOG.info("Worker {} loading plug-ins from {}", config.workerId(),
                config.pluginsDir().map(Path::toString).orElse("no folder (built-ins only)"));
        Plugins.load(config.pluginsDir());
        WorkerMetrics metrics = new WorkerMetrics(config.workerId(), backend);
        MetricsServer metricsServer = startMetricsServer(metrics);

        KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(config));
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties(config));
        TrialPublisher publisher = new TrialPublisher(producer, config.workerId());
        TrialRunner runner = new TrialRunner();
        // descent.worker.trainer=synthetic swaps training for a sleep, for load tests of the orchestration path.
        TrialExecutor trainer = SyntheticTrainer.selected() ? SyntheticTrainer.fromEnvironment()
                : (message, listener, cancelled) ->
                        runner.run(message.trialId(), message.config(), datasetFolder(message), listener, cancelled);
        TrialExecutor executor = metrics.instrument(trainer);
        CancelledExperiments cancellations = new CancelledExperiments(
                new KafkaConsumer<>(controlConsumerProperties(config)));
        Thread controlReader = new Thread(cancellations, "descent-control-reader");
        controlReader.setDaemon(true);
        controlReader.start();
        TrialConsumerLoop loop = new TrialConsumerLoop(consumer, publisher, executor, cancellations);
        // Announce before taking trials, so that the orchestrator accepts experiments that use this worker's plug-ins.
        CatalogAnnouncer announcer = new CatalogAnnouncer(producer, config.workerId(), WorkerConfig.hostName(),
                config.catalogIntervalSeconds());
        announcer.start();

        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Worker {} stopping", config.workerId());
            loop.shutdown();
            try {
                main.join(SHUTDOWN_WAIT_MILLIS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "descent-shutdown"));

        try {
            loop.run();
        }
        finally {
            cancellations.shutdown();
            announcer.stop();
            producer.close(Duration.ofSeconds(10));
            if (metricsServer != null) {
                metricsServer.close();
            }
            LOG.info("Worker {} stopped", config.workerId());
        }
    }

    /** Starts the /metrics endpoint when {@value MetricsPort#PROPERTY} is above 0, otherwise returns null. */
    private static MetricsServer startMetricsServer(WorkerMetrics metrics) {
        int port = MetricsPort.fromEnvironment();
        if (port == 0) {
            return null;
        }
        try {
            return MetricsServer.start(port, metrics::scrape);
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot serve /metrics on port " + port + " (" + MetricsPort.PROPERTY
                    + "): " + e.getMessage() + "; choose a free port, or 0 to turn the endpoint off", e);
        }
    }

    private static Path datasetFolder(TrialMessage message) {
        String path = message.datasetPath();
        if (path == null || path.isBlank()) {
            return Datasets.defaultFolder(message.config().dataset())
                    .orElse(Path.of(DatasetFormat.FASHION_MNIST.defaultPath()));
        }
        return Path.of(path);
    }

    static Properties consumerProperties(WorkerConfig config) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, Topics.WORKER_GROUP);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "descent-worker-" + config.workerId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "500");
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000");
        // Cooperative rebalancing moves only the partitions that change owner, so a worker joining the group does
        // not cancel the trials that other workers are running.
        properties.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }

    /** Settings of the control-topic reader: no group, since every worker reads every record. */
    static Properties controlConsumerProperties(WorkerConfig config) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "descent-worker-control-" + config.workerId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }

    static Properties producerProperties(WorkerConfig config) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, "descent-worker-producer-" + config.workerId());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // A worker waits for each result's acknowledgement before it takes the next trial, so there is nothing to
        // batch: Kafka 4.1's default linger of 5 ms would only delay every result by 5 ms.
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return properties;
    }
}
