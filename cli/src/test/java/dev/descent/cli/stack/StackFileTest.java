package dev.descent.cli.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackFileTest {

    @TempDir
    Path home;

    @Test
    void writeThenReadRoundTrips() {
        StackFile written = new StackFile(home.toString(), "http://127.0.0.1:18081", "http://127.0.0.1:18082",
                "127.0.0.1:18079", Instant.parse("2026-12-04T10:00:00Z"), List.of(
                        new StackFile.StackProcess("broker", 101, 18079, "/data/kafka", "/data/kafka"),
                        new StackFile.StackProcess("worker-1", 102, 0, "/x/workers.jar", "/logs/worker-1.log")));
        written.write();

        assertEquals(written, StackFile.read(home).orElseThrow());
        StackFile.delete(home);
        assertTrue(StackFile.read(home).isEmpty());
    }

    @Test
    void corruptFileNamesItself() throws Exception {
        Files.writeString(StackFile.location(home), "{not json");
        UncheckedIOException error = assertThrows(UncheckedIOException.class, () -> StackFile.read(home));
        assertTrue(error.getMessage().contains(StackFile.location(home).toString()), error.getMessage());
    }

    @Test
    void stopperLeavesReusedPidAlone() {
        // This JVM's own pid with a marker its command line lacks stands for a pid reused by another program.
        long self = ProcessHandle.current().pid();
        StackFile.StackProcess stranger = new StackFile.StackProcess("registry", self, 0,
                "no-such-marker-" + System.nanoTime(), null);

        assertFalse(StackStopper.isRunning(stranger));
        assertEquals(StackStopper.Outcome.PID_REUSED, new StackStopper(Duration.ofSeconds(1)).stop(stranger));
    }

    @Test
    void stopperStopsChildWithSigterm() throws Exception {
        Process child = new ProcessBuilder("sleep", "300").start();
        try {
            StackFile.StackProcess process = new StackFile.StackProcess("worker-1", child.pid(), 0, "sleep", null);
            assertTrue(StackStopper.isRunning(process));

            assertEquals(StackStopper.Outcome.STOPPED, new StackStopper(Duration.ofSeconds(10)).stop(process));
            assertFalse(child.isAlive());
            assertEquals(StackStopper.Outcome.NOT_RUNNING, new StackStopper(Duration.ofSeconds(1)).stop(process));
        }
        finally {
            child.destroyForcibly();
        }
    }
}
