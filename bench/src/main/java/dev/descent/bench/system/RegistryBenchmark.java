package dev.descent.bench.system;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

import dev.descent.broker.BrokerProcess;
import dev.descent.broker.FreePorts;
import dev.descent.broker.TestBroker;
import dev.descent.cli.stack.Layout;
import dev.descent.cli.stack.LocalStack;
import dev.descent.model.message.Json;
import dev.descent.model.message.Topics;
import dev.descent.model.message.TrialResult;

/**
 * Measures the registry's ingest rate through Kafka and its leaderboard latency at growing numbers of stored results,
 * on H2 and on PostgreSQL.
 *
 * <p>For each level (10k, 100k, 1M by default) it preloads results by JDBC while the registry is stopped, up to the
 * level minus {@code warmup} and {@code ingest}; starts the registry; publishes {@code warmup} results to
 * {@code descent.results} and waits until they are stored, so that the consumers have joined their group and the JIT
 * has compiled the storing code. Then it publishes the last {@code ingest} results and times them until the registry's
 * {@code descent_results_stored_total} counter has counted them all, and times {@code gets} sequential GETs of three
 * leaderboard queries. Run it with {@code bench/registry-scale}.
 */
public final class RegistryBenchmark {

    private static final double INGEST_TARGET = 2000;
    private static final double P99_TARGET_MS = 50;

    private final Args args;
    private final Layout layout = Layout.locate();
    private final BenchReport report;
    private final ResultCorpus corpus = new ResultCorpus("e-bench-");

    private RegistryBenchmark(Args args) {
        this.args = args;
        this.report = new BenchReport(args.get("name"), args.all());
    }

    /**
     * Runs the benchmark.
     *
     * @param argv {@code key=value} settings: db (h2, postgres or h2,postgres), levels, ingest, warmup (results
     *     published and stored after each start before the ingest is timed), gets, series-cap-s,
     *     heap (the registry's {@code -Xmx}, by default LocalStack's for the database), gets-during-ingest (true to
     *     time leaderboard GETs while the ingest runs), queries (a subset of all, dataset+pretext, experiment),
     *     get-timeout-s, name (of the JSON report), publish-batch-bytes (the publisher's {@code batch.size}; 16384 is
     *     the worker's), out
     */
    public static void main(String[] argv) throws Exception {
        Map<String, String> defaults = new LinkedHashMap<>(Map.of(
                "db", "h2,postgres",
                "levels", "10000,100000,1000000",
                "ingest", "20000",
                "warmup", "40000",
                "gets", "1000",
                "series-cap-s", "60",
                "heap", "",
                "gets-during-ingest", "false",
                "out", "bench/target"));
        defaults.put("queries", "all,dataset+pretext,experiment");
        defaults.put("get-timeout-s", "180");
        defaults.put("name", "registry-scale");
        defaults.put("publish-batch-bytes", "1048576");
        new RegistryBenchmark(new Args(argv, defaults)).run();
    }

    private void run() throws Exception {
        List<Long> levels = Arrays.stream(args.get("levels").split(",")).map(String::trim).map(Long::parseLong)
                .toList();
        try (BrokerProcess broker = TestBroker.startFresh()) {
            for (String db : args.get("db").split(",")) {
                runDatabase(db.trim(), levels, broker.config().bootstrapServers());
            }
        }
        report.write(Path.of(args.get("out")));
    }

    private void runDatabase(String db, List<Long> levels, String bootstrap) throws Exception {
        Path home = Path.of(args.get("out"), "registry-scale-" + db).toAbsolutePath();
        BenchHome.deleteRecursively(home);
        String postgresUrl = null;
        String jdbcUrl;
        String user;
        if (db.equals("postgres")) {
            recreatePostgresDatabase();
            postgresUrl = "jdbc:postgresql://127.0.0.1:5432/descent_bench?currentSchema=registry";
            jdbcUrl = postgresUrl + "&reWriteBatchedInserts=true";
            user = "postgres";
        }
        else if (db.equals("h2")) {
            jdbcUrl = null;
            user = "sa";
        }
        else {
            throw new IllegalArgumentException("db=" + db + " is unknown; use h2, postgres or h2,postgres");
        }
        String heap = args.get("heap").isBlank() ? LocalStack.registryHeap(postgresUrl != null) : args.get("heap");
        System.out.println("Registry on " + db + " with -Xmx" + heap);
        report.detail("registry heap (" + db + ")", heap);
        RegistryService registry = new RegistryService(layout, home, FreePorts.pick(), bootstrap, heap, postgresUrl);
        if (jdbcUrl == null) {
            jdbcUrl = registry.h2Url();
        }
        ResultPreloader preloader = new ResultPreloader(jdbcUrl, user);
        // The first start runs the registry's migrations, which create the tables the preloader writes to.
        registry.start(Duration.ofMinutes(3));
        registry.close();
        // Both databases' registries join the consumer group descent-registry, so the second starts from the
        // offsets the first committed and stores only the results published for it.
        long stored = 0;
        for (long level : levels) {
            // A level smaller than warm-up and ingest together times half the level, at most ingest, after a
            // warm-up of the rest, so that every level times a registry that has stored results since its start.
            // The warm-up's rate is the cold one. After 5,000 results on H2 the C2 compiler was still compiling H2's
            // and Jackson's code (JFR).
            int ingest = (int) Math.min(args.integer("ingest"), args.integer("warmup") > 0 ? level / 2 : level);
            int warmup = (int) Math.min(args.integer("warmup"), level - ingest);
            long preloadTo = level - ingest - warmup;
            String tag = db + ", " + String.format("%,d", level);
            if (preloadTo > stored) {
                long start = System.nanoTime();
                preloader.insert(corpus, stored, preloadTo);
                double seconds = (System.nanoTime() - start) / 1e9;
                report.figure("preload by JDBC, rows/s (" + tag + ")", (preloadTo - stored) / seconds, "rows/s");
                stored = preloadTo;
            }
            long startAt = System.nanoTime();
            registry.start(Duration.ofMinutes(10));
            report.figure("registry start to ready (" + tag + ")", (System.nanoTime() - startAt) / 1e6, "ms");
            try {
                // A registry runs for days: the first results after a start also pay for the consumer group's
                // join and a cold JIT, so they are timed apart from the measured ingest. At 1M results on
                // PostgreSQL, the C2 compiler used 5.2 s of CPU around a 10.5 s ingest after a 5,000-result warm-up,
                // and about 0.9 s around an 8.7 s ingest after a 40,000-result warm-up (BENCHMARKS.md).
                if (warmup > 0) {
                    measureIngest(registry, bootstrap, stored, stored + warmup, tag, true);
                    stored += warmup;
                }
                measureIngest(registry, bootstrap, stored, level, tag, false);
                stored = level;
                measureLeaderboard(registry, tag, corpus.experimentId(level - 1));
            }
            finally {
                if (!registry.isAlive()) {
                    System.out.println("The registry died; the end of its log:\n" + registry.logTail(30));
                }
                registry.close();
            }
            long rows = preloader.count();
            report.figure("rows in trial_result after the level (" + tag + ")", rows, "rows");
            if (rows != level) {
                System.out.println("WARNING: expected " + level + " rows, found " + rows);
            }
            // Written after every level, so a run stopped during a long level keeps the figures so far.
            report.write(Path.of(args.get("out")));
        }
        if (db.equals("postgres")) {
            dropPostgresDatabase();
        }
    }

    private void measureIngest(RegistryService registry, String bootstrap, long from, long to, String tag,
                               boolean warmup) throws Exception {
        int count = (int) (to - from);
        List<String> values = new ArrayList<>(count);
        List<String> keys = new ArrayList<>(count);
        for (long i = from; i < to; i++) {
            TrialResult result = corpus.result(i);
            keys.add(result.trialId());
            values.add(Json.messages().writeValueAsString(result));
        }
        Latencies during = new Latencies();
        AtomicBoolean ingesting = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (ingesting.get()) {
                timeGet(registry.url() + "/api/leaderboard", during);
            }
        }, "leaderboard-during-ingest");
        long baseline = registry.consumed()[0];
        long start = System.nanoTime();
        Properties producerSettings = KafkaClients.producer(bootstrap, "bench-results");
        // One producer replaces many workers here. With the default 16 KB batches it sends about 3 results of
        // 5 KB per request and tops out near the registry's rate, so the batches are larger than a worker's.
        producerSettings.put(ProducerConfig.BATCH_SIZE_CONFIG, args.get("publish-batch-bytes"));
        producerSettings.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerSettings)) {
            if (Boolean.parseBoolean(args.get("gets-during-ingest"))) {
                reader.start();
            }
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(Topics.RESULTS, keys.get(i), values.get(i)));
            }
            producer.flush();
        }
        double sentSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        long done = 0;
        while (done < count && System.nanoTime() < deadline && registry.isAlive()) {
            Thread.sleep(pollDelayMillis(done, count, System.nanoTime() - start));
            done = registry.consumed()[0] - baseline;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ingesting.set(false);
        if (reader.isAlive()) {
            reader.join();
        }
        if (done < count) {
            System.out.println("WARNING: only " + done + " of " + count + " results were stored within 15 min");
        }
        if (warmup) {
            report.figure("warm-up: first " + count + " results after the start, results/s (" + tag + ")",
                    done / seconds, "results/s");
            return;
        }
        report.figure("publish " + count + " results, results/s (" + tag + ")", count / sentSeconds, "results/s");
        report.figure("ingest through Kafka, results/s (" + tag + ")", done / seconds, INGEST_TARGET, true,
                "results/s");
        if (during.count() > 0) {
            report.detail("leaderboard during ingest (" + tag + ")", during.summary());
            report.figure("GET /api/leaderboard p50 during ingest (" + tag + ")", during.percentile(50), "ms");
        }
    }

    /**
     * Returns how long to wait before reading the registry's counters again: a third of the time that the results
     * still missing would take at the rate so far, between 50 ms and 1 s. Each read renders all of the registry's
     * metrics, the Kafka clients' meters included. Reading them every 50 ms took about 9% of the registry's sampled
     * CPU during a 10k ingest on H2 (JFR), far more than a Prometheus scrape every 15 s would.
     */
    static long pollDelayMillis(long done, long count, long elapsedNanos) {
        if (done <= 0) {
            return 250;
        }
        double remainingMillis = (count - done) * (elapsedNanos / 1e6) / done;
        return Math.max(50, Math.min(1000, (long) (remainingMillis / 3)));
    }

    private void measureLeaderboard(RegistryService registry, String tag, String experimentId) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("all", "/api/leaderboard");
        queries.put("dataset+pretext", "/api/leaderboard?dataset=fashion-mnist&pretext=inpainting");
        queries.put("experiment", "/api/leaderboard?experiment="
                + URLEncoder.encode(experimentId, StandardCharsets.UTF_8));
        queries.keySet().retainAll(List.of(args.get("queries").split(",")));
        long capNanos = Duration.ofSeconds(args.integer("series-cap-s")).toNanos();
        for (Map.Entry<String, String> query : queries.entrySet()) {
            Latencies first = new Latencies();
            timeGet(registry.url() + query.getValue(), first);
            Latencies series = new Latencies();
            long start = System.nanoTime();
            for (int i = 0; i < args.integer("gets") && System.nanoTime() - start < capNanos; i++) {
                timeGet(registry.url() + query.getValue(), series);
            }
            String name = query.getKey() + " (" + tag + ")";
            report.figure("leaderboard " + name + ": first GET", first.percentile(50), "ms");
            report.figure("leaderboard " + name + ": p50 of " + series.count(), series.percentile(50), "ms");
            report.figure("leaderboard " + name + ": p99 of " + series.count(), series.percentile(99), P99_TARGET_MS,
                    false, "ms");
            Map<String, Object> detail = new LinkedHashMap<>(series.summary());
            detail.put("query", query.getValue());
            detail.put("first_get_ms", first.percentile(50));
            detail.put("slowest", series.slowest(12));
            detail.put("p99_of_first_200_ms", Latencies.round(series.percentileOfFirst(200, 99)));
            detail.put("response_chars", responseLength(registry.url() + query.getValue()));
            report.detail("leaderboard " + name, detail);
        }
    }

    /** Returns the length of the response body to one untimed GET, or -1 when the GET fails. */
    private long responseLength(String url) {
        try {
            return Http.get(url, Duration.ofSeconds(args.integer("get-timeout-s"))).body().length();
        }
        catch (IOException e) {
            return -1;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Times one GET; a failed or non-200 request is printed and not counted. */
    private void timeGet(String url, Latencies latencies) {
        long start = System.nanoTime();
        try {
            Http.Reply reply = Http.get(url, Duration.ofSeconds(args.integer("get-timeout-s")));
            double millis = (System.nanoTime() - start) / 1e6;
            if (reply.status() == 200) {
                latencies.add(millis);
            }
            else {
                System.out.println("GET " + url + " returned status " + reply.status() + " after " + millis
                        + " ms: "
                        + reply.body().substring(0, Math.min(300, reply.body().length())));
            }
        }
        catch (IOException e) {
            System.out.println("GET " + url + " failed after " + (System.nanoTime() - start) / 1e6 + " ms: " + e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void recreatePostgresDatabase() throws SQLException {
        dropPostgresDatabase();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE descent_bench");
        }
    }

    private static void dropPostgresDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS descent_bench");
        }
    }
}
