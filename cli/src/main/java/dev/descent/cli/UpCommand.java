package dev.descent.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.descent.cli.stack.Layout;
import dev.descent.cli.stack.LocalStack;
import dev.descent.cli.stack.ServiceProcess;
import dev.descent.cli.stack.StackConfig;
import dev.descent.cli.stack.StackFile;
import dev.descent.cli.stack.StackFile.StackProcess;
import dev.descent.cli.stack.StackStopper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code descent up}: starts the local stack in the background and records it in {@code <home>/stack.json}. The
 * started JVMs outlive this command; {@code descent down} stops them.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the Kafka broker, registry, orchestrator and workers in the background; "
                + "'descent down' stops them.")
final class UpCommand implements Callable<Integer> {

    @Option(names = "--workers", defaultValue = "1",
            description = "Worker JVMs to start (default: ${DEFAULT-VALUE}). Each uses all cores for training.")
    int workers;

    @Option(names = "--home", defaultValue = ".descent", paramLabel = "DIR",
            description = "Folder for broker data, embedded databases, logs and stack.json (default: ${DEFAULT-VALUE}).")
    Path home;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of plug-in jars (extra losses and pretext tasks) that every worker loads at start.")
    Path plugins;

    @Option(names = "--postgres",
            description = "Store service state in PostgreSQL (127.0.0.1:5432, database 'descent') instead of H2 files.")
    boolean postgres;

    @Option(names = "--port-base", defaultValue = "0", paramLabel = "BASE",
            description = "Use ports BASE (Kafka), BASE+1 (controller), BASE+2 (orchestrator), BASE+3 (registry) "
                    + "instead of 9092, 9093, 8081, 8082.")
    int portBase;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        Path folder = home.toAbsolutePath().normalize();
        if (workers < 1) {
            err.println("descent: --workers " + workers + " is invalid; start at least 1 worker");
            return ServiceCommand.USAGE;
        }
        Optional<StackFile> existing;
        try {
            existing = StackFile.read(folder);
        }
        catch (UncheckedIOException e) {
            err.println("descent: " + e.getMessage());
            return ServiceCommand.FAILED;
        }
        if (existing.isPresent()) {
            List<StackProcess> running = existing.get().processes().stream().filter(StackStopper::isRunning).toList();
            if (!running.isEmpty()) {
                err.println("descent: a stack already runs from " + folder + " (" + describe(running)
                        + "); stop it with 'descent down --home " + home + "'");
                return ServiceCommand.FAILED;
            }
            StackFile.delete(folder);
        }

        StackConfig config = portBase > 0
                ? new StackConfig(folder, portBase, portBase + 1, portBase + 2, portBase + 3, workers, postgres)
                : new StackConfig(folder, 9092, 9093, 8081, 8082, workers, postgres);
        if (plugins != null && !java.nio.file.Files.isDirectory(plugins)) {
            err.println("descent: --plugins " + plugins + " is not a folder; create it and put the plug-in jars in it");
            return ServiceCommand.FAILED;
        }
        config = config.withPluginsDir(plugins);
        Layout layout = Layout.locate();
        LocalStack stack = new LocalStack(config, layout);
        out.printf("Starting the local stack in %s (%d worker%s)...%n", folder, workers, workers == 1 ? "" : "s");
        try {
            stack.start();
        }
        catch (RuntimeException e) {
            stack.close();
            err.println("descent up failed: " + e.getMessage());
            err.println("Service logs are in " + folder.resolve("logs"));
            return ServiceCommand.FAILED;
        }

        StackFile file = new StackFile(folder.toString(), config.orchestratorUrl(), config.registryUrl(),
                config.bootstrapServers(), Instant.now(), processes(stack, layout));
        file.write();
        out.printf("The stack is up; stop it with 'descent down --home %s'.%n", home);
        out.printf("  web page      %s/%n", config.registryUrl());
        out.printf("  orchestrator  %s/api/experiments%n", config.orchestratorUrl());
        out.printf("  registry      %s/api/leaderboard%n", config.registryUrl());
        out.printf("  Kafka         %s%n", config.bootstrapServers());
        out.printf("  pids and ports in %s, logs in %s%n", StackFile.location(folder), folder.resolve("logs"));
        return ServiceCommand.OK;
    }

    private static List<StackProcess> processes(LocalStack stack, Layout layout) {
        StackConfig config = stack.config();
        List<StackProcess> processes = new ArrayList<>();
        String brokerData = stack.broker().config().dataDir().toAbsolutePath().toString();
        processes.add(new StackProcess("broker", stack.broker().pid(), config.kafkaPort(), brokerData, brokerData));
        processes.add(service(stack.registry(), config.registryPort(), layout.registryJar()));
        processes.add(service(stack.orchestrator(), config.orchestratorPort(), layout.orchestratorJar()));
        for (ServiceProcess worker : stack.workers()) {
            processes.add(service(worker, 0, layout.workerJar()));
        }
        return processes;
    }

    private static StackProcess service(ServiceProcess process, int port, Path jar) {
        return new StackProcess(process.name(), process.pid(), port, jar.toString(), process.logFile().toString());
    }

    private static String describe(List<StackProcess> processes) {
        return String.join(", ", processes.stream().map(p -> p.name() + " pid " + p.pid()).toList());
    }
}
