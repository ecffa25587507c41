package dev.descent.orchestrator.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.descent.model.message.TrialEvent;
import dev.descent.model.message.TrialEvent.Type;
import dev.descent.orchestrator.store.TrialRecord;
import dev.descent.orchestrator.store.TrialState;

class TrialTransitionsTest {

    private static final Instant CREATED = Instant.parse("2026-12-04T10:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-04T10:05:00Z");

    @Test
    void startedMovesQueuedToRunning() {
        TrialRecord next = apply(trial(TrialState.QUEUED, 1), event(1, Type.STARTED, 0, 2000, Double.NaN)).orElseThrow();
        assertEquals(TrialState.RUNNING, next.state());
        assertEquals("worker-b", next.workerId());
        assertEquals(NOW, next.startedAt());
        assertEquals(NOW, next.updatedAt());
        assertNull(next.pretextLoss());
    }

    @Test
    void progressStoresFigures() {
        TrialRecord running = apply(trial(TrialState.QUEUED, 1), event(1, Type.STARTED, 0, 2000, Double.NaN))
                .orElseThrow();
        Instant later = NOW.plusSeconds(10);
        TrialRecord next = TrialTransitions.apply(running, event(1, Type.PROGRESS, 640, 2000, 0.25), later)
                .orElseThrow();
        assertEquals(NOW, next.startedAt());
        assertEquals(later, next.updatedAt());
        assertEquals(640, next.imagesDone());
        assertEquals(0.25, next.pretextLoss());
        assertEquals(50.0, next.imagesPerSecond());
    }

    @Test
    void doneCountsAllImages() {
        TrialRecord next = apply(trial(TrialState.RUNNING, 1), event(1, Type.DONE, 1990, 2000, 0.1)).orElseThrow();
        assertEquals(TrialState.DONE, next.state());
        assertEquals(2000, next.imagesDone());
    }

    @Test
    void doneTrialIgnoresEveryEvent() {
        for (Type type : Type.values()) {
            assertTrue(apply(trial(TrialState.DONE, 1), event(1, type, 5, 2000, 0.1)).isEmpty(), type.name());
            assertTrue(apply(trial(TrialState.DONE, 1), event(2, type, 5, 2000, 0.1)).isEmpty(), type.name());
        }
    }

    @Test
    void staleAttemptIsIgnored() {
        assertTrue(apply(trial(TrialState.RUNNING, 2), event(1, Type.FAILED, 5, 2000, 0.1)).isEmpty());
    }

    @Test
    void failedStoresErrorText() {
        TrialEvent failed = new TrialEvent("e-1", "t-1", 1, Type.FAILED, "worker-b", NOW, 300, 2000, 0.3, 10,
                "dataset folder /data/fm not found");
        TrialRecord next = apply(trial(TrialState.RUNNING, 1), failed).orElseThrow();
        assertEquals(TrialState.FAILED, next.state());
        assertEquals("dataset folder /data/fm not found", next.error());
    }

    @Test
    void lateProgressDoesNotHideFailure() {
        assertTrue(apply(trial(TrialState.FAILED, 1), event(1, Type.PROGRESS, 5, 2000, 0.1)).isEmpty());
        assertTrue(apply(trial(TrialState.FAILED, 1), event(1, Type.EVALUATING, 5, 2000, 0.1)).isEmpty());
    }

    @Test
    void restartAfterFailureRunsAgain() {
        TrialRecord restarted = apply(trial(TrialState.FAILED, 1), event(1, Type.STARTED, 0, 2000, Double.NaN))
                .orElseThrow();
        assertEquals(TrialState.RUNNING, restarted.state());
        assertNull(restarted.error());
        TrialRecord retried = apply(trial(TrialState.FAILED, 1), event(2, Type.PROGRESS, 10, 2000, 0.2)).orElseThrow();
        assertEquals(TrialState.RUNNING, retried.state());
        assertEquals(2, retried.attempt());
    }

    private static Optional<TrialRecord> apply(TrialRecord trial, TrialEvent event) {
        return TrialTransitions.apply(trial, event, NOW);
    }

    private static TrialEvent event(int attempt, Type type, long imagesDone, long imagesTotal, double loss) {
        return new TrialEvent("e-1", "t-1", attempt, type, "worker-b", NOW, imagesDone, imagesTotal, loss,
                Double.isNaN(loss) ? Double.NaN : 50.0, null);
    }

    private static TrialRecord trial(TrialState state, int attempt) {
        String error = state == TrialState.FAILED ? "earlier failure" : null;
        return new TrialRecord("e-1", "t-1", 0, "inpainting", "l2", 1, "{}", state, attempt, "worker-a", 0, 2000,
                null, null, error, null, CREATED);
    }
}
