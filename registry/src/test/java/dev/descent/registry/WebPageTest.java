package dev.descent.registry;

import static dev.descent.registry.TestResults.config;
import static dev.descent.registry.TestResults.newExperimentId;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

import dev.descent.model.message.Json;
import dev.descent.model.message.LossPoint;
import dev.descent.model.message.TrialResult;
import dev.descent.model.spec.ProbeSpec;
import dev.descent.model.trial.TrialConfig;
import dev.descent.model.trial.TrialIds;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The web page at {@code /} in a real headless Chromium: the leaderboard tables show the REST data, a filter narrows
 * them, and a trial's loss-curve chart draws. Needs Debian's {@code chromium} and {@code chromium-driver} packages;
 * {@code -Ddescent.test.chromium=} and {@code -Ddescent.test.chromedriver=} point at other binaries.
 */
@QuarkusTest
@WithTestResource(BrokerResource.class)
class WebPageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String DATASET = "fashion-mnist";

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() {
        Path chromium = Path.of(System.getProperty("descent.test.chromium", "/usr/bin/chromium"));
        Path driver = Path.of(System.getProperty("descent.test.chromedriver", "/usr/bin/chromedriver"));
        for (Path binary : List.of(chromium, driver)) {
            assertTrue(Files.isExecutable(binary), binary + " is missing; install Debian's packages with "
                    + "'apt-get install -y chromium chromium-driver' or set -Ddescent.test.chromium/-chromedriver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void pageShowsLeaderboardFilterAndTrialChart() throws Exception {
        String experiment = newExperimentId();
        String nonce = UUID.randomUUID().toString().substring(0, 8);
        // pretext, loss, seed, linear probe, kNN, untrained linear probe, untrained kNN
        Object[][] table = {
                {"inpainting", "l2", 1L, 0.81, 0.74, 0.78, 0.70},
                {"inpainting", "l2", 2L, 0.83, 0.75, 0.79, 0.71},
                {"inpainting", "l1", 1L, 0.86, 0.77, 0.78, 0.70},
                {"inpainting", "l1", 2L, 0.84, 0.76, 0.79, 0.71},
                {"denoising", "l2", 1L, 0.88, 0.80, 0.78, 0.70},
                {"denoising", "l2", 2L, 0.90, 0.81, 0.79, 0.71},
                {"denoising", "l1", 1L, 0.79, 0.72, 0.78, 0.70},
                {"denoising", "l1", 2L, 0.80, 0.73, 0.79, 0.71},
        };
        List<TrialResult> sent = new ArrayList<>();
        try (ResultPublisher publisher = new ResultPublisher(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            for (Object[] row : table) {
                TrialConfig trialConfig = config(nonce, DATASET, (String) row[0], (String) row[1], (Long) row[2]);
                TrialResult result = new TrialResult(experiment, TrialIds.of(trialConfig), 1, trialConfig,
                        (double) row[3], (double) row[4], (double) row[5], (double) row[6], 0.012, 40.0, 450.0,
                        "worker-test", "CPU (test)", Instant.now(), decayingCurve((Long) row[2]));
                publisher.send(result);
                sent.add(result);
            }
            // A raw-pixel baseline result: no encoder and no training budget.
            TrialConfig baseline = new TrialConfig(DATASET, null, "baseline", "raw-pixels", 1L, null,
                    new ProbeSpec(10_000, 2_000, 10, 20));
            publisher.send(new TrialResult(experiment, TrialIds.of(baseline), 1, baseline, 0.83, 0.84, 0.83, 0.84,
                    0, 5.0, 0, "worker-test", "CPU (test)", Instant.now(), null));
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> given()
                .get("/api/experiments/{id}/results", experiment).then().extract().path("count")
                .equals(table.length + 1));

        browser.get(root + "?experiment=" + experiment);
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(driver -> "true".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-ready")));

        // Every ranking of the REST leaderboard appears as a table with the same losses, order and means.
        JsonNode board = leaderboard("?experiment=" + experiment);
        for (JsonNode group : board.path("byPretext")) {
            assertBoardTable(group.path("pretext").asText(), group.path("rows"));
        }
        assertBoardTable("overall", board.path("overall"));
        WebElement baselineRow = browser.findElement(By.cssSelector(
                "table.board[data-pretext='overall'] tr.baseline-row[data-baseline='raw-pixels']"));
        assertEquals("baseline: raw-pixels", baselineRow.findElements(By.tagName("td")).get(1).getText());
        assertEquals(String.format(Locale.ROOT, "%.4f", board.path("baselines").get(0).path("mean").asDouble()),
                baselineRow.findElements(By.tagName("td")).get(4).getText());

        // The pretext filter hides the other pretext task's table and re-ranks the overall table.
        new Select(browser.findElement(By.id("filter-pretext"))).selectByValue("denoising");
        wait.until(driver -> driver.findElements(By.cssSelector("table.board[data-pretext='inpainting']")).isEmpty());
        JsonNode filtered = leaderboard("?experiment=" + experiment + "&pretext=denoising");
        assertBoardTable("denoising", filtered.path("byPretext").get(0).path("rows"));
        assertBoardTable("overall", filtered.path("overall"));
        assertEquals("l2", filtered.path("overall").get(0).path("loss").asText());

        // Choosing a stored result draws its loss curve and probe accuracies.
        String trialId = sent.get(0).trialId();
        browser.findElement(By.cssSelector("#results tr[data-trial='" + trialId + "']")).click();
        wait.until(driver -> driver.findElement(By.id("trial-id")).getText().equals(trialId));
        wait.until(driver -> paintedPixels("loss-chart") > 2_000);
        assertTrue(paintedPixels("probe-chart") > 2_000, "probe chart painted pixels");
        assertTrue(browser.findElement(By.id("trial-summary")).getText().contains("linear probe 0.8100"),
                browser.findElement(By.id("trial-summary")).getText());

        // The orchestrator is not running in this test, so the progress panel reports the proxy's problem.
        assertTrue(browser.findElement(By.id("experiments-status")).getText().contains("HTTP 502"),
                browser.findElement(By.id("experiments-status")).getText());

        Path screenshot = Path.of("target", "web-page.png");
        Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void chartLibraryServedFromJar() {
        given().when().get("/webjars/chart.js/4.5.1/dist/chart.umd.min.js").then().statusCode(200);
    }

    @Test
    void proxyReportsUnreachableOrchestrator() {
        given().when().get("/api/orchestrator/experiments").then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:descent:problem:orchestrator-unavailable"))
                .body("field", equalTo("descent.registry.orchestrator-url"));
    }

    /** A loss curve of 50 points that falls from about 0.06 towards 0.01, shifted a little by the seed. */
    private static List<LossPoint> decayingCurve(long seed) {
        List<LossPoint> curve = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            curve.add(new LossPoint(200L * i, 0.01 + 0.05 * Math.exp(-i / 10.0) + 0.001 * seed));
        }
        return curve;
    }

    private static JsonNode leaderboard(String query) throws IOException {
        return Json.messages().readTree(given().when().get("/api/leaderboard" + query).then().statusCode(200)
                .extract().asString());
    }

    private static void assertBoardTable(String pretext, JsonNode rows) {
        WebElement board = new WebDriverWait(browser, WAIT).until(driver -> driver.findElement(
                By.cssSelector("table.board[data-pretext='" + pretext + "']")));
        List<WebElement> shown = board.findElements(By.cssSelector("tr.board-row"));
        assertEquals(rows.size(), shown.size(), "rows of the " + pretext + " table");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            List<WebElement> cells = shown.get(i).findElements(By.tagName("td"));
            String label = pretext + " row " + i;
            assertEquals(row.path("rank").asText(), cells.get(0).getText(), label);
            assertEquals(row.path("label").asText(), cells.get(1).getText(), label);
            assertEquals(row.path("n").asText(), cells.get(2).getText(), label);
            assertEquals(String.format(Locale.ROOT, "%.4f", row.path("mean").asDouble()), cells.get(4).getText(),
                    label);
            assertEquals(expectedInterval(row), cells.get(5).getText(), label + " interval");
            assertFalse(shown.get(i).findElements(By.cssSelector(".bar")).isEmpty(), label + " has a bar");
            JsonNode comparison = row.path("vsLeader");
            String expectedP = comparison.path("pValue").isNumber()
                    ? (comparison.path("pValue").asDouble() < 0.001 ? "<0.001"
                            : String.format(Locale.ROOT, "%.3f", comparison.path("pValue").asDouble()))
                    : "\u2013";
            assertEquals(expectedP, cells.get(9).getText(), label + " p-value");
            String expectedMark = row.path("leader").asBoolean() ? "leader"
                    : row.path("tiedWithLeader").asBoolean() ? "tied" : "";
            assertEquals(expectedMark, cells.get(10).getText(), label + " tie mark");
        }
    }

    /** Returns the interval text the page shows: the confidence interval when present, else mean ± std. */
    private static String expectedInterval(JsonNode row) {
        double low;
        double high;
        if (row.path("ciLow").isNumber() && row.path("ciHigh").isNumber()) {
            low = row.path("ciLow").asDouble();
            high = row.path("ciHigh").asDouble();
        }
        else if (row.path("std").isNumber()) {
            low = row.path("mean").asDouble() - row.path("std").asDouble();
            high = row.path("mean").asDouble() + row.path("std").asDouble();
        }
        else {
            return "\u2013";
        }
        return String.format(Locale.ROOT, "%.4f \u2013 %.4f", low, high);
    }

    /** Returns how many pixels of the canvas are not fully transparent. */
    private static long paintedPixels(String canvasId) {
        Object count = ((JavascriptExecutor) browser).executeScript("""
                const canvas = document.getElementById(arguments[0]);
                const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let painted = 0;
                for (let i = 3; i < data.length; i += 4) {
                  if (data[i] !== 0) { painted++; }
                }
                return painted;""", canvasId);
        return ((Number) count).longValue();
    }
}
