package dev.descent.orchestrator.support;

import java.util.Map;

import dev.descent.broker.BrokerProcess;
import dev.descent.broker.TestBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a real Kafka broker with Descent's topics for one Quarkus test run and points the app at it. Afterwards it
 * stops the broker and deletes the broker's data folder.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    private BrokerProcess broker;

    @Override
    public Map<String, String> start() {
        broker = TestBroker.startFresh();
        return Map.of("kafka.bootstrap.servers", broker.config().bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.stop();
            TempFolders.delete(broker.config().dataDir());
        }
    }
}
