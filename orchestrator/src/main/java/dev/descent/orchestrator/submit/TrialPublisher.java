package dev.descent.orchestrator.submit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.descent.model.message.Json;
import dev.descent.model.message.TrialMessage;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Sends trials to {@code descent.trials}, keyed by trial id, and waits for the broker's acknowledgements. */
@ApplicationScoped
public class TrialPublisher {

    // The buffer is bounded in practice by descent.orchestrator.max-trials per concurrent submission.
    @Inject
    @Channel("trials-out")
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<String> emitter;

    /**
     * Sends every trial and returns once the broker acknowledged all of them.
     *
     * @throws PublishException when a send fails or the acknowledgements do not all arrive within {@code timeout};
     *         some trials may have reached the broker then
     */
    public void publish(String experimentId, List<TrialMessage> messages, Duration timeout) {
        List<CompletableFuture<Void>> acknowledgements = new ArrayList<>(messages.size());
        try {
            for (TrialMessage message : messages) {
                acknowledgements.add(send(message));
            }
        }
        catch (RuntimeException e) {
            throw new PublishException(experimentId, "sending trials to the broker failed: " + e.getMessage(), e);
        }

        // Wait for every acknowledgement, but stop at the first failure instead of waiting for the others to fail.
        CompletableFuture<Void> all = CompletableFuture.allOf(acknowledgements.toArray(CompletableFuture[]::new));
        CompletableFuture<Void> firstFailure = new CompletableFuture<>();
        acknowledgements.forEach(ack -> ack.whenComplete((ignored, error) -> {
            if (error != null) {
                firstFailure.completeExceptionally(error);
            }
        }));
        try {
            CompletableFuture.anyOf(all, firstFailure).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            long acknowledged = acknowledgements.stream().filter(ack -> ack.isDone() && !ack.isCompletedExceptionally())
                    .count();
            throw new PublishException(experimentId, "the broker acknowledged only " + acknowledged + " of "
                    + messages.size() + " trials within " + timeout.toSeconds() + " s", e);
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PublishException(experimentId, "sending a trial failed: " + cause.getMessage(), cause);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(experimentId, "interrupted while waiting for the broker", e);
        }
    }

    private CompletableFuture<Void> send(TrialMessage trial) {
        String json;
        try {
            json = Json.messages().writeValueAsString(trial);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise trial " + trial.trialId(), e);
        }
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Metadata metadata = Metadata.of(OutgoingKafkaRecordMetadata.<String>builder().withKey(trial.trialId()).build());
        Message<String> message = Message.of(json, metadata,
                () -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                error -> {
                    acknowledged.completeExceptionally(error);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acknowledged;
    }
}
