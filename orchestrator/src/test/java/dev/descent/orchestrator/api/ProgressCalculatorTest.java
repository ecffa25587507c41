package dev.descent.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.descent.orchestrator.store.ExperimentRecord;
import dev.descent.orchestrator.store.PublishState;
import dev.descent.orchestrator.store.TrialRecord;
import dev.descent.orchestrator.store.TrialState;

class ProgressCalculatorTest {

    private static final Instant CREATED = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void queuedExperimentHasNoEta() {
        ExperimentSummary summary = summarize(PublishState.PUBLISHED, CREATED.plusSeconds(60),
                trial(TrialState.QUEUED, 0, null), trial(TrialState.QUEUED, 0, null));
        assertEquals(ExperimentState.RUNNING, summary.state());
        assertEquals(2, summary.queued());
        assertEquals(0.0, summary.percentDone());
        assertNull(summary.etaSeconds());
    }

    @Test
    void etaFollowsAverageRate() {
        // 1000 + 500 images in 100 s is 15 images/s; 500 + 1000 images remain, so 100 s.
        Instant started = CREATED.plusSeconds(10);
        ExperimentSummary summary = summarize(PublishState.PUBLISHED, started.plusSeconds(100),
                trial(TrialState.DONE, 700, started), trial(TrialState.RUNNING, 500, started),
                trial(TrialState.QUEUED, 0, null));
        assertEquals(1500, summary.imagesDone());
        assertEquals(3000, summary.imagesTotal());
        assertEquals(50.0, summary.percentDone());
        assertEquals(100L, summary.etaSeconds());
    }

    @Test
    void stateFollowsTrials() {
        Instant now = CREATED.plusSeconds(5);
        assertEquals(ExperimentState.DONE, summarize(PublishState.PUBLISHED, now,
                trial(TrialState.DONE, 1000, CREATED)).state());
        assertEquals(ExperimentState.FAILED, summarize(PublishState.PUBLISHED, now,
                trial(TrialState.DONE, 1000, CREATED), trial(TrialState.FAILED, 10, CREATED)).state());
        assertEquals(ExperimentState.RUNNING, summarize(PublishState.PUBLISHED, now,
                trial(TrialState.FAILED, 10, CREATED), trial(TrialState.RUNNING, 10, CREATED)).state());
        assertEquals(ExperimentState.PUBLISH_FAILED, summarize(PublishState.PUBLISH_FAILED, now,
                trial(TrialState.QUEUED, 0, null)).state());
        assertEquals(0L, summarize(PublishState.PUBLISHED, now, trial(TrialState.DONE, 1000, CREATED)).etaSeconds());
    }

    private static ExperimentSummary summarize(PublishState publishState, Instant now, TrialRecord... trials) {
        ExperimentRecord experiment = new ExperimentRecord("e-1", "test", "request", "name: test", "fashion-mnist",
                "/data", CREATED, publishState, null);
        return ProgressCalculator.summarize(experiment, List.of(trials), now);
    }

    private static TrialRecord trial(TrialState state, long imagesDone, Instant startedAt) {
        return new TrialRecord("e-1", "t-" + imagesDone, 0, "inpainting", "l2", 1, "{}", state, 1, null, imagesDone,
                1000, null, null, null, startedAt, CREATED);
    }
}
