package dev.descent.worker.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.descent.model.message.TrialMessage;
import dev.descent.worker.kafka.TrialExecutor;
import dev.descent.worker.trial.TrialCancelledException;
import dev.descent.worker.trial.TrialProgressListener;

/** The worker's /metrics endpoint served over real HTTP while an instrumented executor runs trials. */
class WorkerMetricsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void metricsFollowTrials() throws Exception {
        WorkerMetrics metrics = new WorkerMetrics("worker-7", "CPU (nd4j-native, oneDNN helpers on)");
        CountDownLatch progressed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Double> forwarded = new AtomicReference<>();
        TrialExecutor training = (message, listener, cancelled) -> {
            listener.onProgress(640, 1000, 0.05, 321.5);
            progressed.countDown();
            await(release);
            return null;
        };
        TrialProgressListener loopListener = new TrialProgressListener() {
            @Override
            public void onProgress(long imagesDone, long imagesTotal, double loss, double imagesPerSecond) {
                forwarded.set(imagesPerSecond);
            }
        };

        try (MetricsServer server = MetricsServer.start(0, metrics::scrape)) {
            String url = "http://127.0.0.1:" + server.port() + "/metrics";
            Thread trial = new Thread(() -> metrics.instrument(training).run(message("t-1"), loopListener, () -> false));
            trial.start();
            assertTrue(progressed.await(10, TimeUnit.SECONDS));

            HttpResponse<String> running = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, running.statusCode());
            assertEquals(MetricsServer.CONTENT_TYPE, running.headers().firstValue("Content-Type").orElse(""));
            assertEquals(321.5, value(running.body(), "descent_worker_images_per_second").orElseThrow());
            assertEquals(1.0, value(running.body(),
                    "descent_worker_current_trial{experiment=\"e-1\",trial=\"t-1\"}").orElseThrow());
            assertEquals(1.0, value(running.body(),
                    "descent_worker_info{backend=\"CPU (nd4j-native, oneDNN helpers on)\",worker=\"worker-7\"}")
                    .orElseThrow());
            assertEquals(321.5, forwarded.get(), "the loop's listener still receives progress");

            release.countDown();
            trial.join(10_000);
            assertThrows(IllegalStateException.class, () -> metrics.instrument((message, listener, cancelled) -> {
                throw new IllegalStateException("out of memory");
            }).run(message("t-2"), TrialProgressListener.NONE, () -> false));
            assertThrows(TrialCancelledException.class, () -> metrics.instrument((message, listener, cancelled) -> {
                throw new TrialCancelledException("cancelled");
            }).run(message("t-3"), TrialProgressListener.NONE, () -> true));

            String idle = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(0.0, value(idle, "descent_worker_images_per_second").orElseThrow());
            assertEquals(1.0, value(idle, "descent_worker_trials_total{outcome=\"done\"}").orElseThrow());
            assertEquals(1.0, value(idle, "descent_worker_trials_total{outcome=\"failed\"}").orElseThrow());
            assertEquals(1.0, value(idle, "descent_worker_trials_total{outcome=\"cancelled\"}").orElseThrow());
            assertEquals(OptionalDouble.empty(), value(idle, "descent_worker_current_trial{experiment=\"e-1\","
                    + "trial=\"t-1\"}"), "an idle worker reports no current trial");

            HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
        }
    }

    @Test
    void portSettingIsValidated() {
        assertEquals(0, MetricsPort.from(name -> null, Map.of()));
        assertEquals(9400, MetricsPort.from(name -> null, Map.of(MetricsPort.VARIABLE, "9400")));
        assertEquals(9500, MetricsPort.from(name -> "9500", Map.of(MetricsPort.VARIABLE, "9400")));
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> MetricsPort.from(name -> "70000", Map.of()));
        assertTrue(invalid.getMessage().contains(MetricsPort.PROPERTY), invalid.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MetricsPort.from(name -> "ninety", Map.of()));
    }

    private static TrialMessage message(String trialId) {
        return new TrialMessage("e-1", trialId, 1, null, null);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static OptionalDouble value(String text, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return line.find() ? OptionalDouble.of(Double.parseDouble(line.group(1))) : OptionalDouble.empty();
    }
}
