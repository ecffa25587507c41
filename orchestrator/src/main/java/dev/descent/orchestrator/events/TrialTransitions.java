package dev.descent.orchestrator.events;

import java.time.Instant;
import java.util.Optional;

import dev.descent.model.message.TrialEvent;
import dev.descent.orchestrator.store.TrialRecord;
import dev.descent.orchestrator.store.TrialState;

/**
 * Applies a worker's event to a trial's stored state.
 *
 * <p>Rules, in order:
 * <ul>
 *   <li>A DONE trial never changes, so late and duplicate events are harmless.</li>
 *   <li>DONE from any attempt finishes the trial, even from an attempt the reaper superseded or after a cancellation,
 *       because its result is published and the registry stores one result per trial id.</li>
 *   <li>A CANCELLED trial changes only on DONE.</li>
 *   <li>Any other event from an older attempt than the stored one is stale and ignored.</li>
 *   <li>A FAILED or RETRYING trial moves back to RUNNING only on STARTED or on an event of a newer attempt (a
 *       redelivery), so a late PROGRESS or HEARTBEAT of the failed attempt does not hide the failure.</li>
 *   <li>STARTED, PROGRESS, HEARTBEAT and EVALUATING mean RUNNING; a HEARTBEAT keeps the stored progress and only
 *       refreshes the update time that the reaper watches. DONE counts all the trial's images as done; FAILED stores
 *       the error text; CANCELLED means the worker skipped or stopped the attempt.</li>
 * </ul>
 *
 * <p>Whether a FAILED attempt is retried is decided afterwards by {@link RetryPolicy}.
 */
public final class TrialTransitions {

    private TrialTransitions() {
    }

    /**
     * Returns the trial after the event, or empty when the event must not change it.
     *
     * @param receivedAt when the orchestrator received the event; stored as the update time so that worker clocks do
     *        not skew the ETA
     */
    public static Optional<TrialRecord> apply(TrialRecord current, TrialEvent event, Instant receivedAt) {
        if (current.state() == TrialState.DONE) {
            return Optional.empty();
        }
        if (event.type() == TrialEvent.Type.DONE && event.attempt() < current.attempt()) {
            return Optional.of(done(current, current.attempt(), event, receivedAt));
        }
        if (event.attempt() < current.attempt()
                || current.state() == TrialState.CANCELLED && event.type() != TrialEvent.Type.DONE) {
            return Optional.empty();
        }
        boolean newerAttempt = event.attempt() > current.attempt();
        boolean failed = current.state() == TrialState.FAILED || current.state() == TrialState.RETRYING;
        if (failed && !newerAttempt && (event.type() == TrialEvent.Type.PROGRESS
                || event.type() == TrialEvent.Type.EVALUATING || event.type() == TrialEvent.Type.HEARTBEAT)) {
            return Optional.empty();
        }

        Instant startedAt = current.startedAt() == null ? receivedAt : current.startedAt();
        long imagesTotal = event.imagesTotal() > 0 ? event.imagesTotal() : current.imagesTotal();
        Double loss = finite(event.loss()).or(() -> Optional.ofNullable(current.pretextLoss())).orElse(null);
        Double rate = finite(event.imagesPerSecond()).or(() -> Optional.ofNullable(current.imagesPerSecond()))
                .orElse(null);
        if (newerAttempt) {
            // A new attempt starts from scratch, so the old attempt's figures no longer describe it.
            loss = finite(event.loss()).orElse(null);
            rate = finite(event.imagesPerSecond()).orElse(null);
        }

        TrialState state;
        long imagesDone;
        String error = null;
        switch (event.type()) {
            case STARTED, PROGRESS, EVALUATING -> {
                state = TrialState.RUNNING;
                imagesDone = Math.max(0, event.imagesDone());
            }
            case HEARTBEAT -> {
                state = TrialState.RUNNING;
                imagesDone = newerAttempt || failed ? 0 : current.imagesDone();
            }
            case CANCELLED -> {
                state = TrialState.CANCELLED;
                imagesDone = current.imagesDone();
            }
            case DONE -> {
                state = TrialState.DONE;
                imagesDone = imagesTotal;
            }
            case FAILED -> {
                state = TrialState.FAILED;
                imagesDone = Math.max(0, event.imagesDone());
                error = event.error() == null || event.error().isBlank() ? "the worker reported no error text"
                        : event.error();
            }
            default -> throw new IllegalArgumentException("unknown event type " + event.type());
        }

        String workerId = event.workerId() != null ? event.workerId() : current.workerId();
        return Optional.of(new TrialRecord(current.experimentId(), current.trialId(), current.gridIndex(),
                current.pretext(), current.loss(), current.seed(), current.configJson(), state, event.attempt(),
                workerId, imagesDone, imagesTotal, loss, rate, error, startedAt, receivedAt));
    }

    /** Returns the trial finished by a DONE event of an attempt older than the stored one. */
    private static TrialRecord done(TrialRecord current, int attempt, TrialEvent event, Instant receivedAt) {
        Instant startedAt = current.startedAt() == null ? receivedAt : current.startedAt();
        long imagesTotal = event.imagesTotal() > 0 ? event.imagesTotal() : current.imagesTotal();
        String workerId = event.workerId() != null ? event.workerId() : current.workerId();
        return new TrialRecord(current.experimentId(), current.trialId(), current.gridIndex(), current.pretext(),
                current.loss(), current.seed(), current.configJson(), TrialState.DONE, attempt, workerId, imagesTotal,
                imagesTotal, finite(event.loss()).orElse(current.pretextLoss()),
                finite(event.imagesPerSecond()).orElse(current.imagesPerSecond()), null, startedAt, receivedAt);
    }

    private static Optional<Double> finite(double value) {
        return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    }
}
