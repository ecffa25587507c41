package dev.descent.orchestrator.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The orchestrator on H2 with Kafka pointed at a closed local port, and short producer timeouts. */
public class UnreachableBrokerProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "kafka.bootstrap.servers", "127.0.0.1:" + closedPort(),
                "mp.messaging.outgoing.trials-out.max.block.ms", "1500",
                "mp.messaging.outgoing.trials-out.request.timeout.ms", "1500",
                "mp.messaging.outgoing.trials-out.delivery.timeout.ms", "3000",
                "descent.orchestrator.publish-timeout", "20S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(H2HomeResource.class, Map.of(), true));
    }

    /** Returns a port that was free a moment ago; nothing listens on it. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot find a free local port", e);
        }
    }
}
