package dev.descent.cli.stack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.descent.cli.stack.StackFile.StackProcess;

/**
 * Stops the processes listed in a {@link StackFile}: SIGTERM first, SIGKILL only after a grace period. A pid whose
 * command line does not contain the recorded marker belongs to another program by now and is left alone.
 */
public final class StackStopper {

    private static final Logger LOG = LoggerFactory.getLogger(StackStopper.class);

    /** The result of stopping one process. */
    public enum Outcome {
        /** It exited after SIGTERM. */
        STOPPED,
        /** It outlived the grace period and was killed. */
        KILLED,
        /** It had already exited. */
        NOT_RUNNING,
        /** The pid now runs a different command line, so it was not signalled. */
        PID_REUSED
    }

    private final Duration grace;

    public StackStopper(Duration grace) {
        this.grace = grace;
    }

    /** Returns whether the process still runs the command that {@code descent up} started. */
    public static boolean isRunning(StackProcess process) {
        return handle(process).isPresent();
    }

    /** Stops the processes in reverse start order (workers first, the broker last) and returns each outcome. */
    public List<Outcome> stop(List<StackProcess> processes) {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = processes.size() - 1; i >= 0; i--) {
            outcomes.add(0, stop(processes.get(i)));
        }
        return outcomes;
    }

    /** Stops one process; see {@link Outcome}. */
    public Outcome stop(StackProcess process) {
        Optional<ProcessHandle> alive = ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive);
        if (alive.isEmpty()) {
            return Outcome.NOT_RUNNING;
        }
        Optional<ProcessHandle> handle = handle(process);
        if (handle.isEmpty()) {
            LOG.warn("Not stopping pid {}: its command line no longer contains '{}', so it is not {} any more",
                    process.pid(), process.marker(), process.name());
            return Outcome.PID_REUSED;
        }
        ProcessHandle target = handle.get();
        CompletableFuture<ProcessHandle> exit = target.onExit();
        target.destroy();
        if (await(exit, grace)) {
            return Outcome.STOPPED;
        }
        LOG.warn("{} (pid {}) did not stop within {} s; killing it", process.name(), process.pid(),
                grace.toSeconds());
        target.destroyForcibly();
        await(exit, Duration.ofSeconds(10));
        return Outcome.KILLED;
    }

    private static Optional<ProcessHandle> handle(StackProcess process) {
        return ProcessHandle.of(process.pid())
                .filter(ProcessHandle::isAlive)
                .filter(candidate -> candidate.info().commandLine()
                        .map(line -> line.contains(process.marker()))
                        .orElse(false));
    }

    private static boolean await(CompletableFuture<ProcessHandle> exit, Duration timeout) {
        try {
            exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (TimeoutException e) {
            return false;
        }
        catch (ExecutionException e) {
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
