package dev.descent.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.descent.cli.stack.StackFile;
import dev.descent.cli.stack.StackStopper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code descent down}: stops exactly the processes that {@code descent up} recorded in {@code stack.json}. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stop the processes that 'descent up' started (SIGTERM, then SIGKILL after the grace period).")
final class DownCommand implements Callable<Integer> {

    @Option(names = "--home", defaultValue = ".descent", paramLabel = "DIR",
            description = "The stack's folder, which contains stack.json (default: ${DEFAULT-VALUE}).")
    Path home;

    @Option(names = "--grace", defaultValue = "PT20S",
            description = "How long each process may take to stop before it is killed, as an ISO-8601 duration "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration grace;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() {
        Path folder = home.toAbsolutePath().normalize();
        Optional<StackFile> stack;
        try {
            stack = StackFile.read(folder);
        }
        catch (UncheckedIOException e) {
            err.println("descent: " + e.getMessage());
            return ServiceCommand.FAILED;
        }
        if (stack.isEmpty()) {
            out.println("No stack runs from " + folder + " (no " + StackFile.NAME + "); nothing to stop.");
            return ServiceCommand.OK;
        }
        List<StackFile.StackProcess> processes = stack.get().processes();
        List<StackStopper.Outcome> outcomes = new StackStopper(grace).stop(processes);
        for (int i = 0; i < processes.size(); i++) {
            StackFile.StackProcess process = processes.get(i);
            out.printf("  %-13s pid %-8d %s%n", process.name(), process.pid(), describe(outcomes.get(i)));
        }
        StackFile.delete(folder);
        out.println("The stack in " + folder + " is down.");
        return ServiceCommand.OK;
    }

    private static String describe(StackStopper.Outcome outcome) {
        return switch (outcome) {
            case STOPPED -> "stopped";
            case KILLED -> "killed after the grace period";
            case NOT_RUNNING -> "had already exited";
            case PID_REUSED -> "left alone: the pid now belongs to another program";
        };
    }
}
