package dev.descent.worker;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.function.Function;

/**
 * A worker's settings, each read from a system property or else from an environment variable.
 *
 * @param bootstrapServers Kafka's bootstrap servers: {@code descent.kafka.bootstrap} or
 *     {@code DESCENT_KAFKA_BOOTSTRAP}, default {@value #DEFAULT_BOOTSTRAP}
 * @param workerId the id reported in events and results: {@code descent.worker.id} or {@code DESCENT_WORKER_ID},
 *     default {@code <hostname>-<pid>}
 */
public record WorkerConfig(String bootstrapServers, String workerId) {

    /** The default bootstrap servers, a broker on this host. */
    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";

    /** Reads the settings from this process's system properties and environment. */
    public static WorkerConfig fromEnvironment() {
        return from(System::getProperty, System.getenv());
    }

    /**
     * Reads the settings from given sources.
     *
     * @param properties looks up a system property, returning {@code null} when it is not set
     * @param environment the environment variables
     */
    static WorkerConfig from(Function<String, String> properties, Map<String, String> environment) {
        String bootstrap = setting(properties, environment, "descent.kafka.bootstrap", "DESCENT_KAFKA_BOOTSTRAP");
        String workerId = setting(properties, environment, "descent.worker.id", "DESCENT_WORKER_ID");
        return new WorkerConfig(bootstrap == null ? DEFAULT_BOOTSTRAP : bootstrap,
                workerId == null ? defaultWorkerId() : workerId);
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
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
