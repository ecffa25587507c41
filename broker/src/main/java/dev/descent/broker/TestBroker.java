package dev.descent.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A throwaway broker for tests: fresh data in a temporary folder, free ports, Descent's topics created.
 *
 * <p>Tests in any module start one with {@link #startFresh()} and {@link BrokerProcess#close() close} it when done,
 * which also deletes the folder.
 */
public final class TestBroker {

    private TestBroker() {
    }

    /** Starts a broker on free ports with data in a new temporary folder, and creates Descent's topics. */
    public static BrokerProcess startFresh() {
        try {
            Path data = Files.createTempDirectory("descent-test-broker-");
            BrokerConfig config = new BrokerConfig(data, FreePorts.pick(), FreePorts.pick(), KafkaLib.locate(), 512);
            BrokerProcess broker = new BrokerProcess(config, true);
            broker.start(Duration.ofSeconds(90));
            TopicSetup.ensureTopics(config.bootstrapServers());
            return broker;
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the test broker", e);
        }
    }
}
