package dev.descent.cli.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.descent.broker.BrokerConfig;
import dev.descent.broker.BrokerProcess;
import dev.descent.broker.TopicSetup;

/**
 * The whole of Descent on one machine: a Kafka broker, the registry, the orchestrator and N workers, each its own JVM.
 *
 * <p>{@link #start()} brings them up in dependency order and returns once both REST services respond;
 * {@link #close()} stops them in reverse order. Not thread-safe.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(120);

    /** Heap of the orchestrator, and of the registry on PostgreSQL. */
    public static final String SERVICE_HEAP = "384m";

    /** Heap of the registry on H2, whose database runs in the same JVM. See {@link #registryHeap} for why. */
    public static final String EMBEDDED_DATABASE_HEAP = "768m";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackConfig config;
    private final Layout layout;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private BrokerProcess broker;
    private ServiceProcess registry;
    private ServiceProcess orchestrator;
    private final List<ServiceProcess> workers = new ArrayList<>();

    public LocalStack(StackConfig config, Layout layout) {
        this.config = config;
        this.layout = layout;
    }

    public StackConfig config() {
        return config;
    }

    public BrokerProcess broker() {
        return broker;
    }

    public ServiceProcess registry() {
        return registry;
    }

    public ServiceProcess orchestrator() {
        return orchestrator;
    }

    public List<ServiceProcess> workers() {
        return List.copyOf(workers);
    }

    /** Starts the broker, creates topics, then starts the registry, the orchestrator and the workers. */
    public void start() {
        List<Path> missing = layout.missingArtifacts();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("these build outputs are missing: " + missing
                    + "; build them with './mvnw -DskipTests install' in " + layout.root());
        }
        checkPortsFree();
        if (config.postgres()) {
            PostgresDatabase.ensureExists();
        }

        // Step 1: the broker, since Quarkus services start even when it is down and then hang on sends.
        broker = new BrokerProcess(new BrokerConfig(config.home().resolve("kafka"), config.kafkaPort(),
                config.controllerPort(), layout.kafkaLib(), 512));
        broker.start(Duration.ofSeconds(90));
        TopicSetup.ensureTopics(config.bootstrapServers());

        // Step 2: the registry before the orchestrator, so no result lands before its consumer exists.
        registry = startService("registry", layout.registryJar(), config.registryPort(),
                registryHeap(config.postgres()));
        orchestrator = startService("orchestrator", layout.orchestratorJar(), config.orchestratorPort(),
                SERVICE_HEAP);
        awaitHttp(registry, config.registryUrl() + "/api/leaderboard");
        awaitHttp(orchestrator, config.orchestratorUrl() + "/api/experiments");

        // Step 3: the workers, which join one consumer group and split the trial partitions between them.
        for (int i = 1; i <= config.workers(); i++) {
            addWorker();
        }

        // Step 4: wait until each worker has loaded its plug-ins and announced its catalog, so that a worker that
        // fails at start (a bad plug-in jar, say) fails the start instead of leaving a stack that cannot train.
        awaitWorkerCatalogs();
    }

    private void awaitWorkerCatalogs() {
        String url = config.orchestratorUrl() + "/api/workers";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
        long deadline = System.nanoTime() + SERVICE_START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (ServiceProcess worker : workers) {
                if (!worker.isAlive()) {
                    throw new IllegalStateException(worker.name() + " exited while starting; the end of "
                            + worker.logFile() + ":\n" + worker.logTail(40));
                }
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && JSON.readTree(response.body()).size() >= workers.size()) {
                    LOG.info("{} worker(s) announced their catalogs at {}", workers.size(), url);
                    return;
                }
            }
            catch (IOException e) {
                LOG.debug("worker catalogs not readable yet: {}", e.toString());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the workers' catalogs", e);
            }
            sleep(300);
        }
        ServiceProcess first = workers.get(0);
        throw new IllegalStateException("the workers did not announce their catalogs at " + url + " within "
                + SERVICE_START_TIMEOUT.toSeconds() + " s; the end of " + first.logFile() + ":\n"
                + first.logTail(40));
    }

    /** Starts one more worker JVM; it joins the consumer group and takes over some trial partitions. */
    public ServiceProcess addWorker() {
        String name = "worker-" + (workers.size() + 1);
        List<String> options = new ArrayList<>(List.of(
                "-Xmx2g",
                "-Ddescent.kafka.bootstrap=" + config.bootstrapServers(),
                "-Ddescent.worker.id=" + name));
        if (config.pluginsDir() != null) {
            options.add("-Ddescent.worker.plugins-dir=" + config.pluginsDir());
        }
        ServiceProcess worker = ServiceProcess.start(name, layout.workerJar(), options, logFile(name));
        workers.add(worker);
        return worker;
    }

    /**
     * Stops the registry (SIGKILL when {@code crash} is true, else SIGTERM), starts a new registry JVM on the same
     * port and database, and returns once it serves again.
     */
    public ServiceProcess restartRegistry(boolean crash) {
        if (crash) {
            registry.kill();
        }
        else {
            registry.stop();
        }
        registry = startService("registry", layout.registryJar(), config.registryPort(),
                registryHeap(config.postgres()));
        awaitHttp(registry, config.registryUrl() + "/api/leaderboard");
        return registry;
    }

    /**
     * Stops the broker (SIGKILL when {@code crash} is true, else a controlled shutdown) and starts it again on the
     * same ports and data folder; returns once it serves. Clients reconnect on their own.
     */
    public void restartBroker(boolean crash) {
        if (crash) {
            broker.kill();
        }
        else {
            broker.stop();
        }
        broker.start(Duration.ofSeconds(90));
    }

    /** Stops the workers, the orchestrator, the registry and the broker, in that order. */
    @Override
    public void close() {
        workers.forEach(ServiceProcess::stop);
        if (orchestrator != null) {
            orchestrator.stop();
        }
        if (registry != null) {
            registry.stop();
        }
        if (broker != null) {
            broker.stop();
        }
        LOG.info("Stopped the local stack in {}", config.home());
    }

    /**
     * Returns the registry's heap on PostgreSQL or on H2. On H2 the database runs inside the registry's JVM, so H2's
     * page cache and write buffers share its heap. With 1M stored results, a 384 MB heap spent 10.3 s of a 51 s
     * recording in GC pauses while storing results, 768 MB spent 5.4 s of 43 s, and the ingest rate rose from 1,803 to
     * 2,308 results/s (JFR, {@code bench/registry-scale db=h2 levels=1000000}, one run each).
     */
    public static String registryHeap(boolean postgres) {
        return postgres ? SERVICE_HEAP : EMBEDDED_DATABASE_HEAP;
    }

    private ServiceProcess startService(String name, Path jar, int port, String heap) {
        List<String> options = new ArrayList<>(List.of(
                "-Xmx" + heap,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dkafka.bootstrap.servers=" + config.bootstrapServers(),
                "-Ddescent.home=" + config.home().toAbsolutePath(),
                // Read by the registry, whose web page shows the orchestrator's progress through a proxy.
                "-Ddescent.registry.orchestrator-url=" + config.orchestratorUrl()));
        if (config.postgres()) {
            options.add("-Dquarkus.profile=prod,postgres");
        }
        return ServiceProcess.start(name, jar, options, logFile(name));
    }

    private Path logFile(String name) {
        return config.home().resolve("logs").resolve(name + ".log");
    }

    private void awaitHttp(ServiceProcess service, String url) {
        long deadline = System.nanoTime() + SERVICE_START_TIMEOUT.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException(service.name() + " exited while starting; the end of "
                        + service.logFile() + ":\n" + service.logTail(40));
            }
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    LOG.info("{} is ready at {}", service.name(), url);
                    return;
                }
            }
            catch (IOException e) {
                LOG.debug("{} not ready yet: {}", service.name(), e.toString());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + service.name(), e);
            }
            sleep(300);
        }
        throw new IllegalStateException(service.name() + " did not respond at " + url + " within "
                + SERVICE_START_TIMEOUT.toSeconds() + " s; the end of " + service.logFile() + ":\n"
                + service.logTail(40));
    }

    private void checkPortsFree() {
        int[] ports = {config.kafkaPort(), config.controllerPort(), config.orchestratorPort(), config.registryPort()};
        String[] names = {"Kafka broker", "Kafka controller", "orchestrator", "registry"};
        for (int i = 0; i < ports.length; i++) {
            int port = ports[i];
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            }
            catch (IOException e) {
                throw new IllegalStateException("port " + port + " for the " + names[i] + " is in use on 127.0.0.1; "
                        + "stop whatever holds it (another 'descent run --keep'?) or choose other ports with "
                        + "--port-base");
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
