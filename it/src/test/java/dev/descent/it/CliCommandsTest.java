package dev.descent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.broker.FreePorts;
import dev.descent.cli.stack.StackFile;
import dev.descent.model.message.Json;
import dev.descent.model.spec.LossFunction;
import dev.descent.model.spec.PretextTask;

/**
 * Every {@code descent} command, run as a child JVM from the packaged jar against a real local stack that
 * {@code descent up} starts once for the class and {@code descent down} stops.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliCommandsTest {

    private static final Duration SHORT = Duration.ofMinutes(2);

    /** One small trial, so that 'watch' returns within a minute or two on 2 cores. */
    private static final String SMALL_EXPERIMENT = """
            name: cli-small
            dataset: fashion-mnist
            pretext: [inpainting]
            losses: [l2]
            seeds: [3]
            training:
              epochs: 1
              batch-size: 64
              learning-rate: 0.001
              pretrain-images: 1000
            probe:
              train-images: 1000
              test-images: 500
              epochs: 5
              knn-k: 10
            """;

    /** Enough work that it is still queued or running when the test cancels it. */
    private static final String LARGE_EXPERIMENT = SMALL_EXPERIMENT.replace("cli-small", "cli-cancelled")
            .replace("seeds: [3]", "seeds: [1, 2, 4, 5, 6, 7]").replace("pretrain-images: 1000",
                    "pretrain-images: 20000");

    private static Path home;
    private static StackFile stack;
    private static String smallId;
    private static int smallTotal;

    @BeforeAll
    static void up() throws Exception {
        home = Files.createTempDirectory("descent-cli-it-");
        int base = consecutiveFreePorts(4);
        CliProcess.Result up = CliProcess.run(Duration.ofMinutes(5), "up", "--home", home.toString(),
                "--port-base", String.valueOf(base), "--workers", "1");
        System.out.println(up);
        assertEquals(0, up.exitCode(), up.toString());
        stack = StackFile.read(home).orElseThrow(() -> new AssertionError("up wrote no stack.json in " + home));
    }

    @AfterAll
    static void down() throws Exception {
        if (stack == null) {
            return;
        }
        CliProcess.Result down = CliProcess.run(Duration.ofMinutes(3), "down", "--home", home.toString());
        System.out.println(down);
        List<String> survivors = new ArrayList<>();
        for (StackFile.StackProcess process : stack.processes()) {
            Optional<ProcessHandle> handle = ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive);
            if (handle.isPresent()) {
                survivors.add(process.name() + " pid " + process.pid());
                handle.get().destroyForcibly();
            }
        }
        assertEquals(0, down.exitCode(), down.toString());
        assertEquals(List.of(), survivors, "processes still alive after 'descent down'");
        assertFalse(Files.exists(StackFile.location(home)), "down deletes stack.json");
    }

    @Test
    @Order(1)
    void upRecordsEveryProcess() {
        List<String> names = stack.processes().stream().map(StackFile.StackProcess::name).toList();
        assertEquals(List.of("broker", "registry", "orchestrator", "worker-1"), names);
        for (StackFile.StackProcess process : stack.processes()) {
            assertTrue(ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false),
                    process.name() + " pid " + process.pid() + " is alive");
        }
    }

    @Test
    @Order(2)
    void helpAndUsageExitCodes() throws Exception {
        CliProcess.Result help = CliProcess.run(SHORT, "--help");
        assertEquals(0, help.exitCode(), help.toString());
        for (String command : List.of("run", "up", "down", "submit", "status", "watch", "leaderboard", "cancel",
                "losses", "pretext-tasks")) {
            assertTrue(help.out().contains(command), "--help lists " + command + ":\n" + help.out());
        }
        CliProcess.Result unknownOption = cli("status", "--no-such-option");
        assertEquals(2, unknownOption.exitCode(), unknownOption.toString());
        CliProcess.Result missingFile = cli("submit");
        assertEquals(2, missingFile.exitCode(), missingFile.toString());
    }

    @Test
    @Order(3)
    void catalogCommandsListBuiltIns() throws Exception {
        CliProcess.Result losses = cli("losses");
        assertEquals(0, losses.exitCode(), losses.toString());
        for (String loss : LossFunction.ids()) {
            assertTrue(losses.out().lines().anyMatch(line -> line.startsWith(loss + " ")), losses.out());
        }
        CliProcess.Result tasks = cli("pretext-tasks", "--json");
        assertEquals(0, tasks.exitCode(), tasks.toString());
        JsonNode json = Json.messages().readTree(tasks.out());
        List<String> names = new ArrayList<>();
        json.forEach(entry -> names.add(entry.path("name").asText()));
        assertEquals(PretextTask.ids(), names);
    }

    @Test
    @Order(4)
    void submitAndWatchUntilDone() throws Exception {
        Path file = home.resolve("cli-small.yaml");
        Files.writeString(file, SMALL_EXPERIMENT);
        CliProcess.Result submit = cli("submit", file.toString(), "--json");
        assertEquals(0, submit.exitCode(), submit.toString());
        JsonNode submitted = Json.messages().readTree(submit.out());
        smallId = submitted.path("id").asText();
        assertFalse(smallId.isBlank(), submit.out());
        // The orchestrator adds baseline trials to the grid's one trial, so the total comes from its response.
        smallTotal = submitted.path("total").asInt();
        assertTrue(smallTotal >= 1, submit.out());

        CliProcess.Result watch = CliProcess.run(Duration.ofMinutes(10), "watch", smallId, "--home",
                home.toString());
        assertEquals(0, watch.exitCode(), watch.toString());
        assertTrue(watch.out().contains("[####################] trials " + smallTotal + "/" + smallTotal + " done"),
                watch.out());
        assertTrue(watch.out().contains("finished: DONE"), watch.out());
        assertTrue(watch.out().lines().anyMatch(line -> line.startsWith("inpainting") && line.contains(" l2 ")),
                watch.out());
    }

    @Test
    @Order(5)
    void statusShowsProgressBars() throws Exception {
        CliProcess.Result all = cli("status");
        assertEquals(0, all.exitCode(), all.toString());
        String line = all.out().lines().filter(text -> text.startsWith(smallId)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + smallId + ":\n" + all.out()));
        assertTrue(line.contains("DONE"), line);
        assertTrue(line.contains("[########################]"), line);
        assertTrue(line.contains(smallTotal + "/" + smallTotal), line);

        CliProcess.Result one = cli("status", smallId);
        assertEquals(0, one.exitCode(), one.toString());
        assertTrue(one.out().contains(smallTotal + "/" + smallTotal + " trials done"), one.out());
        assertTrue(one.out().lines().anyMatch(text -> text.contains("inpainting") && text.contains("DONE")),
                one.out());

        CliProcess.Result json = cli("status", smallId, "--json");
        assertEquals(0, json.exitCode(), json.toString());
        assertEquals(smallTotal, Json.messages().readTree(json.out()).path("done").asInt(), json.out());

        CliProcess.Result unknown = cli("status", "e-no-such-experiment");
        assertEquals(1, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("404"), unknown.err());
    }

    @Test
    @Order(6)
    void leaderboardFilters() throws Exception {
        CliProcess.Result board = cli("leaderboard", "--experiment", smallId);
        assertEquals(0, board.exitCode(), board.toString());
        assertTrue(board.out().lines().anyMatch(line -> line.startsWith("overall") && line.contains(" l2 ")),
                board.out());

        CliProcess.Result other = cli("leaderboard", "--experiment", smallId, "--pretext", "denoising");
        assertEquals(0, other.exitCode(), other.toString());
        assertTrue(other.out().contains("No stored results match"), other.out());

        CliProcess.Result json = cli("leaderboard", "--experiment", smallId, "--json");
        assertEquals(0, json.exitCode(), json.toString());
        assertTrue(Json.messages().readTree(json.out()).path("resultCount").asInt() >= 1, json.out());
    }

    @Test
    @Order(7)
    void resultCarriesLossCurveAndPageProxyWorks() throws Exception {
        JsonNode results = httpGet(stack.registryUrl() + "/api/experiments/" + smallId + "/results");
        String trialId = null;
        for (JsonNode result : results.path("results")) {
            if (result.path("config").path("pretext").asText().equals("inpainting")) {
                trialId = result.path("trialId").asText();
            }
        }
        assertTrue(trialId != null, "no inpainting result in " + results);
        JsonNode trial = httpGet(stack.registryUrl() + "/api/trials/" + trialId);
        JsonNode curve = trial.path("lossCurve");
        // 1000 images in batches of 64 are 16 batches, fewer than the recorder's target, so one point per batch.
        assertEquals(16, curve.size(), trial.toString());
        assertEquals(1000, curve.get(15).path("images").asLong());
        assertTrue(curve.get(15).path("loss").asDouble() < curve.get(0).path("loss").asDouble(), curve.toString());

        JsonNode proxied = httpGet(stack.registryUrl() + "/api/orchestrator/experiments/" + smallId);
        assertEquals("DONE", proxied.path("state").asText(), proxied.toString());
    }

    @Test
    @Order(8)
    void cancelStopsAnExperiment() throws Exception {
        Path file = home.resolve("cli-cancelled.yaml");
        Files.writeString(file, LARGE_EXPERIMENT);
        CliProcess.Result submit = cli("submit", file.toString(), "--json");
        assertEquals(0, submit.exitCode(), submit.toString());
        String id = Json.messages().readTree(submit.out()).path("id").asText();

        CliProcess.Result cancel = cli("cancel", id);
        assertEquals(0, cancel.exitCode(), cancel.toString());
        assertTrue(cancel.out().contains("Cancelled experiment " + id), cancel.out());

        CliProcess.Result watch = CliProcess.run(Duration.ofMinutes(3), "watch", id, "--home", home.toString());
        assertEquals(1, watch.exitCode(), watch.toString());
        assertTrue(watch.out().contains("finished: CANCELLED"), watch.out());

        CliProcess.Result unknown = cli("cancel", "e-no-such-experiment");
        assertEquals(1, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("not found"), unknown.err());
    }

    /** Runs a command with {@code --home} of this class's stack, so it finds the services through stack.json. */
    private static CliProcess.Result cli(String... args) throws Exception {
        List<String> withHome = new ArrayList<>(List.of(args));
        withHome.addAll(List.of("--home", home.toString()));
        return CliProcess.run(SHORT, withHome.toArray(String[]::new));
    }

    private static JsonNode httpGet(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url + ": " + response.body());
        return Json.messages().readTree(response.body());
    }

    /** Returns the first of {@code count} consecutive ports that are free on 127.0.0.1 right now. */
    private static int consecutiveFreePorts(int count) {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = FreePorts.pick();
            if (base + count > 65_535) {
                continue;
            }
            boolean free = true;
            for (int port = base; port < base + count && free; port++) {
                try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    socket.setReuseAddress(true);
                }
                catch (IOException e) {
                    free = false;
                }
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("found no " + count + " consecutive free ports on 127.0.0.1");
    }
}
