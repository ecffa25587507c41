package dev.descent.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka cluster in KRaft mode (combined broker and controller), run as a child JVM.
 *
 * <p>{@link #start(Duration)} formats the storage on first use, launches {@code kafka.Kafka} bound to 127.0.0.1 and
 * returns once the broker responds to a metadata request. {@link #stop()} requests a controlled shutdown (SIGTERM) and
 * kills the JVM only if it has not exited within 30 seconds.
 *
 * <p>Not thread-safe: one owner starts and stops it.
 */
public final class BrokerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final BrokerConfig config;
    private final boolean temporary;
    private Process process;

    /** Creates a broker whose data outlives it, for restarts on the same data. */
    public BrokerProcess(BrokerConfig config) {
        this(config, false);
    }

    /**
     * Creates a broker.
     *
     * @param temporary whether {@link #close()} deletes the data folder after stopping the broker
     */
    public BrokerProcess(BrokerConfig config, boolean temporary) {
        this.config = config;
        this.temporary = temporary;
    }

    public BrokerConfig config() {
        return config;
    }

    /** Returns the OS process id of the broker JVM, or -1 when it is not running. */
    public long pid() {
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    /**
     * Formats the storage if needed, starts the broker and waits until it serves.
     *
     * @throws IllegalStateException when the broker exits or does not serve within the timeout; the message carries
     *         the end of the broker's log
     */
    public void start(Duration timeout) {
        try {
            Files.createDirectories(config.dataDir());
            Path properties = writeServerProperties();
            Path log4j = writeLog4jConfig();
            if (!Files.exists(logDir().resolve("meta.properties"))) {
                format(properties, log4j);
            }

            // Launch the broker with its console output in broker.log beside the data.
            LOG.info("Starting Kafka broker on {} with data in {}", config.bootstrapServers(), config.dataDir());
            ProcessBuilder builder = new ProcessBuilder(kafkaCommand(log4j, "kafka.Kafka", properties.toString()));
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()));
            process = builder.start();

            awaitReady(timeout);
            LOG.info("Kafka broker on {} is ready (pid {})", config.bootstrapServers(), process.pid());
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker in " + config.dataDir(), e);
        }
    }

    /** Stops the broker with a controlled shutdown, killing it only if it outlives the grace period. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        LOG.info("Stopping Kafka broker on {} (pid {})", config.bootstrapServers(), process.pid());
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("Kafka broker (pid {}) did not stop within {} s; killing it", process.pid(),
                        STOP_GRACE.toSeconds());
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the broker JVM at once, as a crash would; the next {@link #start} recovers from its logs. */
    public void kill() {
        if (process != null && process.isAlive()) {
            LOG.info("Killing Kafka broker on {} (pid {})", config.bootstrapServers(), process.pid());
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the broker and, for a temporary broker, deletes its data folder. */
    @Override
    public void close() {
        stop();
        if (temporary) {
            deleteRecursively(config.dataDir());
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            LOG.warn("Cannot delete the temporary broker data in {}: {}", root, e.toString());
        }
    }

    private void format(Path properties, Path log4j) throws IOException {
        String clusterId = Uuid.randomUuid().toString();
        LOG.info("Formatting Kafka storage in {} with cluster id {}", logDir(), clusterId);
        List<String> command = kafkaCommand(log4j, "kafka.tools.StorageTool",
                "format", "-t", clusterId, "-c", properties.toString());
        Process formatter = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog().toFile()))
                .start();
        try {
            if (!formatter.waitFor(2, TimeUnit.MINUTES) || formatter.exitValue() != 0) {
                formatter.destroyForcibly();
                throw new IllegalStateException("formatting Kafka storage in " + logDir() + " failed; its output:\n"
                        + tail(consoleLog(), 30));
            }
        }
        catch (InterruptedException e) {
            formatter.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> settings = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 250);
        try (Admin admin = Admin.create(settings)) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the Kafka broker exited with code " + process.exitValue()
                            + " while starting; the end of " + consoleLog() + ":\n" + tail(consoleLog(), 40));
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                }
                catch (ExecutionException | TimeoutException e) {
                    LOG.debug("Kafka broker on {} not ready yet: {}", config.bootstrapServers(), e.toString());
                }
                if (System.nanoTime() > deadline) {
                    stop();
                    throw new IllegalStateException("the Kafka broker on " + config.bootstrapServers()
                            + " did not serve within " + timeout.toSeconds() + " s; the end of " + consoleLog()
                            + ":\n" + tail(consoleLog(), 40));
                }
                Thread.sleep(200);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
        }
    }

    private List<String> kafkaCommand(Path log4j, String mainClass, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + config.heapMegabytes() + "m");
        command.add("-Xms" + Math.min(256, config.heapMegabytes()) + "m");
        command.add("-XX:+UseG1GC");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4j);
        command.add("-cp");
        command.add(config.kafkaLib().toAbsolutePath() + "/*");
        command.add(mainClass);
        command.addAll(List.of(arguments));
        return command;
    }

    private Path writeServerProperties() throws IOException {
        int port = config.port();
        int controller = config.controllerPort();
        // group.coordinator.append.linger.ms=0: a worker commits one offset per trial and waits for it before it takes
        // the next trial, so Kafka 4.1's default of 5 ms to batch coordinator writes only delays every trial.
        String text = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controller,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + logDir().toAbsolutePath(),
                "num.partitions=1",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=12",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "group.coordinator.append.linger.ms=0",
                "log.retention.hours=720",
                "");
        Path file = config.dataDir().resolve("server.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path writeLog4jConfig() throws IOException {
        String text = String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.kafka.name = kafka",
                "logger.kafka.level = WARN",
                "logger.apache.name = org.apache.kafka",
                "logger.apache.level = WARN",
                "logger.server.name = kafka.server.KafkaRaftServer",
                "logger.server.level = INFO",
                "");
        Path file = config.dataDir().resolve("log4j2.properties");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path logDir() {
        return config.dataDir().resolve("kraft-logs");
    }

    private Path consoleLog() {
        return config.dataDir().resolve("broker.log");
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        }
        catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
