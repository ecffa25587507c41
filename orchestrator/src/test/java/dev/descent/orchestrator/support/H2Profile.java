package dev.descent.orchestrator.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The orchestrator on H2 in a temporary folder, with a real Kafka broker. */
public class H2Profile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaBrokerResource.class, Map.of(), true),
                new TestResourceEntry(H2HomeResource.class, Map.of(), true));
    }

    /** One attempt per trial, so that a FAILED event stays FAILED; ReliabilityContract covers retries. */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("descent.orchestrator.max-attempts", "1");
    }
}
