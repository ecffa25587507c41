package dev.descent.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import dev.descent.broker.BrokerProcess;
import dev.descent.broker.TestBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real Kafka broker with Descent's topics and a fresh {@code descent.home} folder for the H2 database. When
 * the test class is done, it stops the broker and deletes the broker's data folder and {@code descent.home}.
 */
public class BrokerResource implements QuarkusTestResourceLifecycleManager {

    private BrokerProcess broker;
    private Path home;

    @Override
    public Map<String, String> start() {
        try {
            home = Files.createTempDirectory("descent-registry-test-");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary descent.home", e);
        }
        broker = TestBroker.startFresh();
        return Map.of(
                "kafka.bootstrap.servers", broker.config().bootstrapServers(),
                "descent.home", home.toAbsolutePath().toString());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
            deleteRecursively(broker.config().dataDir());
        }
        if (home != null) {
            deleteRecursively(home);
        }
    }

    private static void deleteRecursively(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot delete test folder " + root, e);
        }
    }
}
