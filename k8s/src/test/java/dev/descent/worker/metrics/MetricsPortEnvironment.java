package dev.descent.worker.metrics;

import java.util.Map;

/** Reads the worker's metrics port from a container's environment with the worker's own parsing code. */
public final class MetricsPortEnvironment {

    private MetricsPortEnvironment() {
    }

    /** Returns the port that a worker started with exactly this environment and no system properties serves on. */
    public static int read(Map<String, String> environment) {
        return MetricsPort.from(name -> null, environment);
    }
}
