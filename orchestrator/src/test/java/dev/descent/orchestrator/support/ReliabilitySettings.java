package dev.descent.orchestrator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Settings for the reliability tests: an API token, short heartbeat and retry timings, and a temporary data root that
 * holds a real dataset folder and a symbolic link pointing outside the root.
 */
public final class ReliabilitySettings {

    /** The bearer token the tests configure. */
    public static final String TOKEN = "test-token-3f9a";

    /** The temporary data root, created once per JVM. */
    public static final Path DATA_ROOT = createDataRoot();

    private ReliabilitySettings() {
    }

    /** Returns the config overrides of the reliability profiles. */
    public static Map<String, String> overrides() {
        return Map.of(
                "descent.api.token", TOKEN,
                "descent.orchestrator.max-attempts", "3",
                "descent.orchestrator.heartbeat-timeout", "3S",
                "descent.orchestrator.retry-backoff", "1S",
                "descent.orchestrator.retry-backoff-max", "10S",
                "descent.orchestrator.reaper-interval", "200MS",
                "descent.orchestrator.data-roots", "/usr/share/datasets," + DATA_ROOT);
    }

    private static Path createDataRoot() {
        try {
            Path base = Files.createTempDirectory("descent-data-roots-");
            Path root = Files.createDirectories(base.resolve("root"));
            Files.createDirectories(root.resolve("fashion-mnist"));
            Path outside = Files.createDirectories(base.resolve("outside"));
            Files.createSymbolicLink(root.resolve("escape"), outside);
            base.toFile().deleteOnExit();
            return root;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create the temporary data root", e);
        }
    }
}
