package dev.descent.worker;

import java.util.Map;

/**
 * Reads a worker's settings from a container's environment with the worker's own parsing code. This class sits in
 * the worker's package because {@link WorkerConfig#from} is package-private.
 */
public final class WorkerEnvironment {

    private WorkerEnvironment() {
    }

    /** Returns the settings that a worker started with exactly this environment and no system properties uses. */
    public static WorkerConfig read(Map<String, String> environment) {
        return WorkerConfig.from(name -> null, environment);
    }
}
