package dev.descent.cli.stack;

import java.nio.file.Path;

/**
 * How to run a local Descent stack.
 *
 * @param home the folder for the broker's data, the embedded databases and the services' logs
 * @param kafkaPort the broker's client port on 127.0.0.1
 * @param controllerPort the broker's KRaft controller port on 127.0.0.1
 * @param orchestratorPort the orchestrator's HTTP port
 * @param registryPort the registry's HTTP port
 * @param workers how many worker JVMs to start
 * @param postgres whether the services store their state in PostgreSQL instead of the embedded H2 files
 */
public record StackConfig(Path home, int kafkaPort, int controllerPort, int orchestratorPort, int registryPort,
                          int workers, boolean postgres, Path pluginsDir) {

    /** Creates a configuration whose workers load only the built-in plug-ins. */
    public StackConfig(Path home, int kafkaPort, int controllerPort, int orchestratorPort, int registryPort,
                       int workers, boolean postgres) {
        this(home, kafkaPort, controllerPort, orchestratorPort, registryPort, workers, postgres, null);
    }

    /** Returns a copy whose workers also load the plug-in jars of a folder; {@code null} for built-ins only. */
    public StackConfig withPluginsDir(Path folder) {
        return new StackConfig(home, kafkaPort, controllerPort, orchestratorPort, registryPort, workers, postgres,
                folder == null ? null : folder.toAbsolutePath());
    }

    public String orchestratorUrl() {
        return "http://127.0.0.1:" + orchestratorPort;
    }

    public String registryUrl() {
        return "http://127.0.0.1:" + registryPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }
}
