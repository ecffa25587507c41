package dev.descent.bench.system;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.descent.cli.stack.Layout;
import dev.descent.cli.stack.ServiceProcess;

/**
 * The registry as a child JVM, started with the options that {@code LocalStack} gives it, plus a heap and database
 * of the benchmark's choosing. Not thread-safe.
 */
public final class RegistryService implements AutoCloseable {

    private static final Pattern STORED = Pattern.compile(
            "descent_results_stored_total\\{[^}]*outcome=\"(stored|linked|duplicate)\"[^}]*}\\s+([0-9.eE+]+)");

    private final Layout layout;
    private final Path home;
    private final int port;
    private final String bootstrapServers;
    private final String heap;
    private final String postgresUrl;
    private ServiceProcess process;

    /**
     * Describes a registry.
     *
     * @param home its {@code descent.home}: the H2 files lie in {@code home/registry}, the log in {@code home/logs}
     * @param heap the JVM's {@code -Xmx} value, such as {@code 384m} (LocalStack's)
     * @param postgresUrl a PostgreSQL JDBC URL to use the {@code postgres} profile, or {@code null} for H2
     */
    public RegistryService(Layout layout, Path home, int port, String bootstrapServers, String heap,
                           String postgresUrl) {
        this.layout = layout;
        this.home = home;
        this.port = port;
        this.bootstrapServers = bootstrapServers;
        this.heap = heap;
        this.postgresUrl = postgresUrl;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Returns the H2 JDBC URL of this registry's database file, the one in the registry's configuration. */
    public String h2Url() {
        return "jdbc:h2:file:" + home.toAbsolutePath() + "/registry/registry;DB_CLOSE_ON_EXIT=FALSE";
    }

    /** Starts the JVM and waits until {@code GET /q/health/ready} answers 200. */
    public void start(Duration timeout) throws InterruptedException {
        List<String> options = new ArrayList<>(List.of(
                "-Xmx" + heap,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dkafka.bootstrap.servers=" + bootstrapServers,
                "-Ddescent.home=" + home.toAbsolutePath()));
        // Extra JVM options for experiments, such as a different garbage collector, separated by spaces.
        String extraOptions = System.getenv().getOrDefault("DESCENT_BENCH_REGISTRY_OPTS", "").strip();
        if (!extraOptions.isEmpty()) {
            options.addAll(List.of(extraOptions.split("\\s+")));
        }
        if (postgresUrl != null) {
            options.add("-Dquarkus.profile=prod,postgres");
            options.add("-Ddescent.postgres.url=" + postgresUrl);
        }
        process = ServiceProcess.start("registry", layout.registryJar(), options,
                home.resolve("logs").resolve("registry.log"));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the registry exited while starting; the end of "
                        + process.logFile() + ":\n" + process.logTail(40));
            }
            try {
                if (Http.get(url() + "/q/health/ready", Duration.ofSeconds(3)).status() == 200) {
                    return;
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("the registry did not become ready within " + timeout.toSeconds()
                + " s; the end of " + process.logFile() + ":\n" + process.logTail(40));
    }

    /**
     * Returns the results this registry instance consumed since it started, from its
     * {@code descent_results_stored_total} counters: index 0 stored, 1 linked, 2 duplicate.
     */
    public long[] consumed() throws IOException, InterruptedException {
        Http.Reply reply = Http.get(url() + "/q/metrics", Duration.ofSeconds(10));
        long[] counts = new long[3];
        Matcher matcher = STORED.matcher(reply.body());
        while (matcher.find()) {
            long value = (long) Double.parseDouble(matcher.group(2));
            switch (matcher.group(1)) {
                case "stored" -> counts[0] += value;
                case "linked" -> counts[1] += value;
                default -> counts[2] += value;
            }
        }
        return counts;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String logTail(int lines) {
        return process == null ? "" : process.logTail(lines);
    }

    /** Stops the JVM with SIGTERM. */
    @Override
    public void close() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }
}
