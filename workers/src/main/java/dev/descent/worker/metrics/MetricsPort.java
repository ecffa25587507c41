package dev.descent.worker.metrics;

import java.util.Map;
import java.util.function.Function;

/**
 * The worker's metrics port: system property {@value #PROPERTY} or environment variable {@value #VARIABLE}.
 * The default 0 turns the {@code /metrics} endpoint off; the Kubernetes manifests set 9400.
 */
public final class MetricsPort {

    /** The system property that sets the port. */
    public static final String PROPERTY = "descent.worker.metrics-port";

    /** The environment variable that sets the port when the system property is absent. */
    public static final String VARIABLE = "DESCENT_WORKER_METRICS_PORT";

    private MetricsPort() {
    }

    /** Reads the port from this process's system properties and environment. */
    public static int fromEnvironment() {
        return from(System::getProperty, System.getenv());
    }

    /**
     * Reads the port from given sources.
     *
     * @throws IllegalArgumentException when the value is not an integer from 0 to 65535
     */
    static int from(Function<String, String> properties, Map<String, String> environment) {
        String value = properties.apply(PROPERTY);
        String source = PROPERTY;
        if (value == null || value.isBlank()) {
            value = environment.get(VARIABLE);
            source = VARIABLE;
        }
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        }
        catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(source + " is '" + value + "', but it must be a TCP port from 0 to 65535;"
                + " use 0 to turn the /metrics endpoint off");
    }
}
