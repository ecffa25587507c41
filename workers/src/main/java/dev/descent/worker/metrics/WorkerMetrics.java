package dev.descent.worker.metrics;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.descent.model.message.TrialMessage;
import dev.descent.worker.kafka.TrialExecutor;
import dev.descent.worker.trial.TrialCancelledException;
import dev.descent.worker.trial.TrialOutcome;
import dev.descent.worker.trial.TrialProgressListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * A worker's Prometheus metrics, fed by wrapping its {@link TrialExecutor}:
 * <ul>
 *   <li>{@code descent_worker_images_per_second}: pretext throughput of the running trial, 0 while idle;</li>
 *   <li>{@code descent_worker_trials_total{outcome}}: trials whose training and probes finished ({@code done}),
 *       that threw ({@code failed}) or that were cancelled ({@code cancelled});</li>
 *   <li>{@code descent_worker_current_trial{experiment,trial}}: 1 for the running trial, absent while idle;</li>
 *   <li>{@code descent_worker_info{worker,backend}}: always 1, naming the worker and its ND4J backend.</li>
 * </ul>
 * A trial counts as {@code done} when its executor returns, before the worker publishes the result.
 */
public final class WorkerMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AtomicReference<Double> imagesPerSecond = new AtomicReference<>(0.0);
    private final Counter done;
    private final Counter failed;
    private final Counter cancelled;
    private final MultiGauge currentTrial;

    /**
     * Creates the meters.
     *
     * @param workerId the worker's id, as in its events
     * @param backend the ND4J backend description, such as {@code CPU (nd4j-native, oneDNN helpers on)}
     */
    public WorkerMetrics(String workerId, String backend) {
        Gauge.builder("descent.worker.images.per.second", imagesPerSecond, AtomicReference::get)
                .description("Pretext images per second of the running trial since its training started")
                .register(registry);
        done = trials("done");
        failed = trials("failed");
        cancelled = trials("cancelled");
        currentTrial = MultiGauge.builder("descent.worker.current.trial")
                .description("1 for the trial this worker is running")
                .register(registry);
        Gauge.builder("descent.worker.info", () -> 1)
                .description("The worker's id and ND4J backend")
                .tags("worker", workerId, "backend", backend)
                .register(registry);
    }

    private Counter trials(String outcome) {
        return Counter.builder("descent.worker.trials")
                .description("Trials this worker finished, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    /** Returns the metrics in the Prometheus text exposition format 0.0.4. */
    public String scrape() {
        return registry.scrape();
    }

    /** Returns an executor that runs {@code delegate} and records the trial's progress and outcome. */
    public TrialExecutor instrument(TrialExecutor delegate) {
        return (message, listener, isCancelled) -> {
            started(message);
            try {
                TrialOutcome outcome = delegate.run(message, new Recording(listener), isCancelled);
                done.increment();
                return outcome;
            }
            catch (TrialCancelledException e) {
                cancelled.increment();
                throw e;
            }
            catch (RuntimeException | Error e) {
                failed.increment();
                throw e;
            }
            finally {
                idle();
            }
        };
    }

    private void started(TrialMessage message) {
        imagesPerSecond.set(0.0);
        currentTrial.register(List.of(MultiGauge.Row.of(
                Tags.of("experiment", String.valueOf(message.experimentId()), "trial", message.trialId()), 1)), true);
    }

    private void idle() {
        imagesPerSecond.set(0.0);
        currentTrial.register(List.of(), true);
    }

    /** Forwards progress to the loop's listener after recording the throughput. */
    private final class Recording implements TrialProgressListener {

        private final TrialProgressListener delegate;

        Recording(TrialProgressListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onProgress(long imagesDone, long imagesTotal, double loss, double imagesPerSecondSoFar) {
            imagesPerSecond.set(imagesPerSecondSoFar);
            delegate.onProgress(imagesDone, imagesTotal, loss, imagesPerSecondSoFar);
        }

        @Override
        public void onEvaluating() {
            delegate.onEvaluating();
        }
    }
}
