package dev.descent.worker;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A worker's settings, each read from a system property or else from an environment variable.
 *
 * @param bootstrapServers Kafka's bootstrap servers: {@code descent.kafka.bootstrap} or
 *     {@code DESCENT_KAFKA_BOOTSTRAP}, default {@value #DEFAULT_BOOTSTRAP}
 * @param workerId the id reported in events and results: {@code descent.worker.id} or {@code DESCENT_WORKER_ID},
 *     default {@code <hostname>-<pid>}
 * @param catalogIntervalSeconds how often the worker announces its catalog of losses, pretext tasks and evaluators:
 *     {@code descent.worker.catalog-interval-seconds} or {@code DESCENT_WORKER_CATALOG_INTERVAL_SECONDS}, from
 *     {@value #MIN_CATALOG_INTERVAL} to {@value #MAX_CATALOG_INTERVAL}, default {@value #DEFAULT_CATALOG_INTERVAL}
 * @param pluginsDir the folder of plug-in jars to load at start: {@code descent.worker.plugins-dir} or
 *     {@code DESCENT_WORKER_PLUGINS_DIR}; empty for the built-in losses and pretext tasks only
 */
public record WorkerConfig(String bootstrapServers, String workerId, int catalogIntervalSeconds,
                           Optional<Path> pluginsDir) {

    /** The default bootstrap servers, a broker on this host. */
    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

    /** The default seconds between two catalog announcements. */
    public static final int DEFAULT_CATALOG_INTERVAL = 30;

    /** The smallest accepted seconds between two catalog announcements. */
    public static final int MIN_CATALOG_INTERVAL = 1;

    /** The largest accepted seconds between two catalog announcements. */
    public static final int MAX_CATALOG_INTERVAL = 3600;

    /** Creates settings with the default catalog interval and no plug-in folder. */
    public WorkerConfig(String bootstrapServers, String workerId) {
        this(bootstrapServers, workerId, DEFAULT_CATALOG_INTERVAL, Optional.empty());
    }

    /** Reads the settings from this process's system properties and environment. */
    public static WorkerConfig fromEnvironment() {
        return from(System::getProperty, System.getenv());
    }

    /**
     * Reads the settings from given sources.
     *
     * @param properties looks up a system property, returning {@code null} when it is not set
     * @param environment the environment variables
     * @throws IllegalArgumentException when the catalog interval or the plug-in folder is invalid
     */
    static WorkerConfig from(Function<String, String> properties, Map<String, String> environment) {
        String bootstrap = setting(properties, environment, "descent.kafka.bootstrap", "DESCENT_KAFKA_BOOTSTRAP");
        String workerId = setting(properties, environment, "descent.worker.id", "DESCENT_WORKER_ID");
        String interval = setting(properties, environment, "descent.worker.catalog-interval-seconds",
                "DESCENT_WORKER_CATALOG_INTERVAL_SECONDS");
        String plugins = setting(properties, environment, "descent.worker.plugins-dir", "DESCENT_WORKER_PLUGINS_DIR");
        return new WorkerConfig(bootstrap == null ? DEFAULT_BOOTSTRAP : bootstrap,
                workerId == null ? defaultWorkerId() : workerId,
                interval == null ? DEFAULT_CATALOG_INTERVAL : catalogInterval(interval),
                plugins == null ? Optional.empty() : Optional.of(pluginsDir(plugins)));
    }

    private static int catalogInterval(String text) {
        int seconds;
        try {
            seconds = Integer.parseInt(text);
        }
        catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < MIN_CATALOG_INTERVAL || seconds > MAX_CATALOG_INTERVAL) {
            throw new IllegalArgumentException("invalid descent.worker.catalog-interval-seconds '" + text
                    + "': use whole seconds from " + MIN_CATALOG_INTERVAL + " to " + MAX_CATALOG_INTERVAL
                    + ", or leave it unset for " + DEFAULT_CATALOG_INTERVAL);
        }
        return seconds;
    }

    private static Path pluginsDir(String text) {
        try {
            return Path.of(text);
        }
        catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid descent.worker.plugins-dir '" + text + "': " + e.getReason()
                    + "; give the folder that contains the plug-in jars", e);
        }
    }

    private static String setting(Function<String, String> properties, Map<String, String> environment,
                                  String property, String variable) {
        String value = properties.apply(property);
        if (value == null || value.isBlank()) {
            value = environment.get(variable);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String defaultWorkerId() {
        return hostName() + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }

    /** Returns this host's name, or {@code localhost} when it cannot be resolved. */
    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
