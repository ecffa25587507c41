package dev.descent.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.cli.client.ApiException;
import dev.descent.cli.client.DescentClient;
import dev.descent.cli.client.ExperimentWatcher;
import dev.descent.cli.render.LeaderboardTable;
import dev.descent.cli.render.ProgressLine;
import dev.descent.cli.stack.Layout;
import dev.descent.cli.stack.LocalStack;
import dev.descent.cli.stack.ServiceProcess;
import dev.descent.cli.stack.StackConfig;
import dev.descent.model.spec.DatasetFormat;
import dev.descent.model.spec.ExperimentSpec;
import dev.descent.model.spec.SpecException;
import dev.descent.model.spec.SpecParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code descent run FILE}: starts a local stack, submits the experiment, shows progress, prints the ranking and
 * stops what it started.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment end to end on a local stack (Kafka broker, registry, orchestrator, workers).")
final class RunCommand implements Callable<Integer> {

    private static final int DEFAULT_MAX_TRIALS = 500;

    @Parameters(index = "0", paramLabel = "FILE", description = "The experiment YAML file.")
    Path file;

    @Option(names = "--workers", defaultValue = "1",
            description = "Worker JVMs to start (default: ${DEFAULT-VALUE}). Each uses all cores for training.")
    int workers;

    @Option(names = "--keep", description = "Leave the stack running after the experiment, for browsing the REST API.")
    boolean keep;

    @Option(names = "--home", defaultValue = ".descent",
            description = "Folder for broker data, embedded databases and logs (default: ${DEFAULT-VALUE}).")
    Path home;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of plug-in jars (extra losses and pretext tasks) that every worker loads at start.")
    Path plugins;

    @Option(names = "--postgres",
            description = "Store service state in PostgreSQL (127.0.0.1:5432, database 'descent') instead of H2 files.")
    boolean postgres;

    @Option(names = "--port-base", defaultValue = "0",
            description = "Use ports BASE (Kafka), BASE+1 (controller), BASE+2 (orchestrator), BASE+3 (registry) "
                    + "instead of 9092, 9093, 8081, 8082.")
    int portBase;

    @Option(names = "--timeout", defaultValue = "PT2H",
            description = "Maximum wait for the experiment, as an ISO-8601 duration (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        ExperimentSpec spec;
        String yaml = null;
        try {
            yaml = ExperimentFiles.readUtf8(file);
            spec = new SpecParser(DEFAULT_MAX_TRIALS).parse(file.toString(), yaml);
        }
        catch (SpecException e) {
            if (plugins == null || !onlyUnknownNames(e)) {
                System.err.println(e.getMessage());
                return 2;
            }
            // The file names losses or pretext tasks that only the workers' plug-ins define, so the orchestrator
            // checks it against their announced catalogs instead.
            out.println("The file names losses or pretext tasks that are not built in; the orchestrator checks it "
                    + "once the workers have announced the plug-ins of " + plugins + ".");
            spec = null;
        }
        catch (IOException e) {
            System.err.println("cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        String datasetProblem = spec == null ? null : checkDataset(spec);
        if (datasetProblem != null) {
            System.err.println(datasetProblem);
            return 2;
        }
        if (workers < 1) {
            System.err.println("--workers " + workers + " is invalid; start at least 1 worker");
            return 2;
        }

        StackConfig config = portBase > 0
                ? new StackConfig(home.toAbsolutePath(), portBase, portBase + 1, portBase + 2, portBase + 3, workers,
                        postgres)
                : new StackConfig(home.toAbsolutePath(), 9092, 9093, 8081, 8082, workers, postgres);
        if (plugins != null && !java.nio.file.Files.isDirectory(plugins)) {
            System.err.println("descent: --plugins " + plugins + " is not a folder; create it and put the plug-in jars "
                    + "in it");
            return 2;
        }
        config = config.withPluginsDir(plugins);
        LocalStack stack = new LocalStack(config, Layout.locate());
        Thread shutdownHook = new Thread(stack::close, "descent-stack-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        boolean stopStack = !keep;
        try {
            out.printf("Starting the local stack in %s (%d worker%s)...%n", config.home(), workers,
                    workers == 1 ? "" : "s");
            stack.start();
            DescentClient client = new DescentClient(config.orchestratorUrl(), config.registryUrl());

            Instant started = Instant.now();
            JsonNode submitted = client.submit(file.getFileName().toString(), yaml);
            String experimentId = submitted.path("id").asText();
            if (spec == null) {
                out.printf("Submitted %s as experiment %s: %d trials%n", file.getFileName(), experimentId,
                        submitted.path("total").asInt());
            }
            else {
                int total = submitted.path("total").asInt(spec.trialCount());
                out.printf("Submitted %s as experiment %s: %d trials, %d from the %s search (%s x %s x seeds %s) and "
                                + "%d baselines%n", spec.name(), experimentId, total, spec.trialCount(),
                        spec.search().strategy().id(), spec.pretextTasks(), spec.losses(), spec.seeds(),
                        total - spec.trialCount());
            }
            if (spec != null && spec.search().strategy().halving()) {
                out.printf("Successive halving adds the promoted configurations' trials as rungs finish; "
                        + "%s/api/experiments/%s/decisions lists each decision.%n", config.orchestratorUrl(),
                        experimentId);
            }

            JsonNode finished = new ExperimentWatcher(client, out).await(experimentId, timeout,
                    () -> deadWorkers(stack));
            out.printf("%nFinished in %s: %d done, %d failed.%n%n",
                    ProgressLine.duration(Duration.between(started, Instant.now())),
                    finished.path("done").asInt(), finished.path("failed").asInt());

            out.println("Ranking by linear-probe accuracy on the test images (mean ± sample std over seeds):");
            out.println(LeaderboardTable.format(client.leaderboard(experimentId)));
            out.printf("REST: %s/api/leaderboard?experiment=%s%n", config.registryUrl(), experimentId);
            out.printf("      %s/api/experiments/%s%n", config.orchestratorUrl(), experimentId);
            if (keep) {
                out.printf("The stack keeps running (--keep); press Ctrl+C to stop it. Logs: %s%n",
                        config.home().resolve("logs"));
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "descent-stack-stop"));
                stopStack = false;
                Thread.currentThread().join();
            }
            return finished.path("failed").asInt() == 0 ? 0 : 1;
        }
        catch (ApiException e) {
            System.err.println("The orchestrator rejected " + file + ":\n" + e.detail());
            return 2;
        }
        catch (IllegalStateException e) {
            System.err.println("descent run failed: " + e.getMessage());
            System.err.println("Service logs are in " + config.home().resolve("logs"));
            return 1;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
        finally {
            if (stopStack) {
                out.println("Stopping the local stack...");
                stack.close();
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            }
        }
    }

    private static String checkDataset(ExperimentSpec spec) {
        DatasetFormat format = DatasetFormat.byId(spec.dataset().name()).orElseThrow();
        String folder = spec.dataset().path() != null ? spec.dataset().path() : format.defaultPath();
        if (Files.isDirectory(Path.of(folder))) {
            return null;
        }
        return "the dataset folder " + folder + " for '" + format.id() + "' does not exist; install it with "
                + "'sudo apt-get install dataset-fashion-mnist' or set dataset.path in the experiment file";
    }

    /** Returns whether every problem is an unknown loss or pretext task name, which a plug-in may define. */
    private static boolean onlyUnknownNames(SpecException e) {
        return e.problems().stream().allMatch(problem -> (problem.field().startsWith("losses")
                || problem.field().startsWith("pretext")) && problem.message().contains("unknown value"));
    }

    private static String deadWorkers(LocalStack stack) {
        if (stack.workers().stream().noneMatch(ServiceProcess::isAlive)) {
            ServiceProcess first = stack.workers().get(0);
            return "every worker has exited; the end of " + first.logFile() + ":\n" + first.logTail(30);
        }
        return null;
    }
}
